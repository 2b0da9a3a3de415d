/* spire-widget.h — small things every feature asks of a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* The window @widget is in (to be transient for), or NULL. */
GtkWindow *spire_widget_get_window (GtkWidget *widget);
/* Shows @spin's number as the user's language writes it (1,5 in Norwegian,
 * 1.5 in English, whatever LC_NUMERIC says) and reads it back with either
 * mark. */
void spire_spin_button_follow_language (GtkSpinButton *spin);
/* A list cell's tooltip (NULL or "": none), set in a factory's bind: kept
 * on the cell and given when asked, not set with gtk_widget_set_tooltip_text
 * (a round trip to the display server per call on GTK 4.8). */
void spire_widget_set_cell_tooltip (GtkWidget *widget, const char *text);
/* gtk_widget_set_tooltip_text for a widget being made (in no window yet),
 * without the round trip to the display server GTK 4.8 makes for a visible
 * widget (0.4 ms under Xvfb): for rows made by the hundred.  A widget in a
 * window gets gtk_widget_set_tooltip_text as it is. */
void spire_widget_set_tooltip (GtkWidget *widget, const char *text);
/* @button's menu is @model, made into a popover when the menu is first
 * opened, not with the button: a window's first frame does not show it,
 * and a popover per button made the start slow (issue 11). Until then
 * gtk_menu_button_get_menu_model () is NULL. */
void spire_menu_button_set_lazy_menu (GtkMenuButton *button, GMenuModel *model);
/* Keeps every icon GTK makes for the rest of the process (once; any thread),
 * around a race in GTK 4.8's icon cache (see spire-widget.c). */
void spire_icons_keep_alive (void);
/* @row shows its chosen value whole, not cut to "Gj…" beside a long title:
 * the title wraps instead (as the rows of libadwaita 1.2 wrap their
 * titles).  For short values (a field's choices: a name of any length
 * could not fit 360 px).  The popover's list is libadwaita's own. */
void spire_combo_row_show_value_whole (AdwComboRow *row);
/* @dropdown shows each choice as its expression's text (set the
 * expression first): on its button on one line, cut past 16 characters (a
 * name of any length beside its row's title, at 360 px), in its list whole,
 * wrapped, at least 30 characters wide.  The factories are the dropdown's
 * (gtk_drop_down_get_factory, …_get_list_factory): connect to their "bind"
 * after it for more. */
void spire_drop_down_show_names (GtkDropDown *dropdown);
/* @dropdown searches its list as the user types: what is typed with the
 * popover open goes into its search entry, wherever the focus is in the
 * popover (on GTK 4.8 typing with the focus on the list did nothing).
 * Use it wherever a dropdown would set "enable-search". */
void spire_drop_down_enable_search (GtkDropDown *dropdown);
/* @widget itself or its first descendant (depth first) of @type, or NULL:
 * a part of a composite widget GTK makes (a dropdown's list or search). */
GtkWidget *spire_widget_find_descendant (GtkWidget *widget, GType type);
/* @widget's two children (a heading or a name, then its button) side by
 * side when the first's whole text fits beside the second, the second at
 * the end; else the second under the first, at the start (a phone's
 * 360 px).  Replaces @widget's layout manager (a GtkBox's spacing no longer
 * counts: 12 px across, 6 px down). */
void spire_widget_stack_when_narrow (GtkWidget *widget);
/* A list row's @label (cut at its end) on one line, or, @compact (a
 * narrow window), wrapping to at most @lines: measuring a wrapping label
 * shapes its text again for every break tried, and a list's rows with
 * two-line titles cost two to three times as much to show on every
 * window (issue 11: Screening's worst frame 34 → 85 ms of CPU). */
void spire_label_set_compact (GtkLabel *label, gboolean compact, int lines);
/* Makes @view's rows again (its factory set anew), after something its
 * "bind" reads changed (a part becoming compact). */
void spire_list_view_rebind (GtkListView *view);
/* Adds an AdwViewSwitcherBar for @stack at the end of @box, revealed while
 * @title shows its title instead of its switcher (a narrow window), made
 * when that first happens: a wide window never needs it, and made with the
 * window it was part of the first frame's cost (issue 11). */
void spire_view_switcher_bar_when_narrow (GtkBox *box, AdwViewStack *stack,
                                          AdwViewSwitcherTitle *title);
/* A report's language row (its items "Norsk bokmål", "Norsk nynorsk",
 * "English", in that order, from the .ui): shows @lang, or reads the
 * language chosen (English when nothing is). */
void spire_language_row_set_language (AdwComboRow *row, SpireLanguage lang);
SpireLanguage spire_language_row_get_language (AdwComboRow *row);
/* A dialog that writes in core's worker (@cancellable while it writes,
 * else NULL): its Cancel cancels the writing (the dialog goes when the
 * worker says so) or, when nothing is being written, closes @dialog. */
void spire_dialog_cancel_or_close (GtkWindow *dialog, GCancellable *cancellable);
/* Its close-request: while writing, cancels and keeps the dialog open
 * (TRUE) until the worker says so; else FALSE (close). */
gboolean spire_dialog_close_request_cancels (GCancellable *cancellable);
/* The button Enter presses in a dialog whose buttons sit in its header bar:
 * @button (NULL: none) becomes @window's default widget, and takes the
 * keyboard focus when nothing the user chose holds it — no focus yet, a
 * hidden one, or a header-bar button such as Cancel, where GTK puts the
 * focus first (Enter then cancelled, and a dialog's work was lost).  Call
 * it again whenever the dialog's page or the button's sensitivity changes:
 * an insensitive button takes the focus once it may. */
void spire_window_set_default_button (GtkWindow *window, GtkWidget *button);
/* @stack's page @name, made when first asked for from the object @id of
 * the GtkBuilder resource @resource: a page the window's first frame does
 * not show is not made and styled with the window (issue 11).  Returns the
 * builder that made it, for its other objects (unref it), or NULL when
 * the page was there already. */
GtkBuilder *spire_stack_add_page_once (GtkStack *stack, const char *name, const char *resource,
                                       const char *id);
/* Starts @spinner a quarter of a second from now, unless it is stopped
 * before (stopping is at once): a wait shorter than that shows no spinner,
 * which would only flash, and a window's first frame draws none (the
 * spinning icon cost 19 M instructions of the start's: issue 11). */
void spire_spinner_set_spinning_later (GtkSpinner *spinner, gboolean spinning);

G_END_DECLS
