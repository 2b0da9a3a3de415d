/* spire-first-frame.h — work held back until a window's first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _SpireFirstFrameWait SpireFirstFrameWait;
typedef void (*SpireFirstFrameFunc) (gpointer data);

/* When @widget's window is realized and has not begun its first frame,
 * calls @func (@data) once right after that frame is painted (or when the
 * window is unrealized first) and returns the wait, which frees itself
 * before calling @func.  Else returns NULL and calls nothing: there is no
 * first frame to wait for. */
SpireFirstFrameWait *_spire_first_frame_wait (GtkWidget *widget, SpireFirstFrameFunc func,
                                              gpointer data);
/* Stops a wait that has not called its function yet (NULL: nothing). */
void _spire_first_frame_wait_cancel (SpireFirstFrameWait *wait);

G_END_DECLS
