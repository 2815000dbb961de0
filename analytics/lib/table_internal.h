/* table_internal.h - private interface between the CSV reader (table_load.c) and the column
 * store (table.c): building columns row by row with type inference. Not installed. */
#ifndef SCOUTLAB_TABLE_INTERNAL_H
#define SCOUTLAB_TABLE_INTERNAL_H

#include "scoutlab/table.h"

typedef struct sl_col_state sl_col_state;

sl_table *sl_table_internal_new(const char *path, sl_error *err);
/* Drops all columns and rows (restart in another encoding), keeping the file name. */
void sl_table_internal_clear(sl_table *t, sl_col_state **state);
/* Frees the rows and columns of t and keeps its report: files, rows read, skipped rows and
 * warnings (what a caller must still be told once the rows are used up). */
void sl_table_internal_keep_report(sl_table *t);
int sl_table_internal_add_column(sl_table *t, const char *name, sl_col_state **state, sl_error *err);
int sl_table_internal_begin_row(sl_table *t, sl_col_state *state, long line, sl_error *err);
/* text: the trimmed cell, NULL when empty. */
int sl_table_internal_set_cell(sl_table *t, sl_col_state *state, size_t col, const char *text,
                               long line, long field, sl_error *err);
/* True while the column holds numbers (or nothing yet), so a plain decimal can skip the text. */
int sl_table_internal_numeric_kind(const sl_col_state *state, size_t col);
/* Fast path for a cell already parsed as a plain decimal. */
int sl_table_internal_set_number(sl_table *t, sl_col_state *state, size_t col, double v, long line,
                                 sl_error *err);
/* True when a column turned to text after numeric cells were stored (a second pass is needed). */
int sl_table_internal_needs_text(const sl_table *t, const sl_col_state *state);
void sl_table_internal_recover_text(sl_table *t, sl_col_state *state, size_t col, size_t row,
                                    const char *text);
/* Appends b's rows to a (same header; both finished), shifting b's line numbers by line_offset,
 * and frees nothing of b but its moved parts (b stays valid to free). SL_EINVAL when a column's
 * type differs between them in a way that cannot be joined without the original text. */
int sl_table_internal_append(sl_table *a, sl_table *b, long line_offset);
int sl_table_internal_finish(sl_table *t, sl_col_state *state, sl_error *err);
/* Gives columns their roles: mapped columns first (map may be NULL), then aliases; each role goes
 * to one column only (the first). */
void sl_table_internal_assign_roles(sl_table *t, const sl_schema_map *map);
void sl_table_internal_state_free(sl_table *t, sl_col_state *state);
int sl_table_internal_warn(sl_table *t, const char *fmt, ...);
/* Stacks finished tables by column name into a new table (*out, caller frees); files, lines and
 * skipped rows keep pointing at their own files. n >= 1. */
int sl_table_internal_stack(sl_table *const *parts, size_t n, sl_table **out, sl_error *err);
/* Appends a NUMBER column of missing cells named `name` (unique already) with `role`; NULL when out
 * of memory (the table stays valid to free). The caller fills num[] and sets missing. */
sl_column *sl_table_internal_add_number_column(sl_table *t, const char *name, sl_role role);
/* Appends a copy of column sc of src named `name` (not in t yet) with `role`: row r of t takes
 * src's row partner[r], missing when partner[r] < 0. SL_ENOMEM leaves t valid to free. Column
 * pointers into t move. */
int sl_table_internal_copy_column(sl_table *t, const sl_table *src, const sl_column *sc, const char *name,
                                  sl_role role, const long *partner);
/* The age column derived from a date of birth (or birth year) at each row's date (role date),
 * else on 1 September of its season; nothing when t has an age or lacks what it needs. A text
 * age of FBref's site ("25-123") is read as years. A warning says what was done. */
int sl_table_internal_derive_age(sl_table *t);
/* Columns derived at the end of a load (table_derive.c): seasons written as text or as the end
 * year read as first years, text ages ("25-123") as years, an age from the date of birth or the
 * birth year and the season when the file has no age. Each change is said in a warning. */
int sl_table_internal_derive(sl_table *t, sl_error *err);
/* Copies s into the table's text storage. */
char *sl_table_internal_strdup(sl_table *t, const char *s);

/* Copies skipped row s into t's report at (file, line), keeping whether it was unread. */
int sl_table_internal_add_skipped(sl_table *t, uint32_t file, long line, const sl_skipped_row *s);

#endif
