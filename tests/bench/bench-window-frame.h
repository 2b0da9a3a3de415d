/* bench-window-frame.h — the start's first frame: Spire's drawn from stock
 * widgets (a floor), and what a first frame was (bench-window-frame.c) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *bench_frame_mock_new (GtkApplication *app);
GtkWidget *bench_frame_mock_set_rows (GListModel *rows);
void bench_frame_keep (GtkWidget *window);

G_END_DECLS
