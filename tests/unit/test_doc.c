/* test_doc.c - the located YAML/JSON tree: scalars as the YAML 1.2 spec
 * decodes them, positions, limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "scenario/doc.h"

static doc_t *parse(brink_ctx_t *ctx, const char *text, brink_diags_t *d)
{
    doc_t *doc = NULL;
    brink_status_t st = doc_parse_string(ctx, "t.yaml", text, strlen(text), &doc, d);
    return st == BRINK_OK ? doc : NULL;
}

/* YAML 1.2.2 spec, Example 7.9 "Single Quoted Lines" and 7.7 "Single
 * Quoted Characters": the decoded values are given by the spec. */
static void test_single_quoted_spec_examples(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    doc_t *doc = parse(ctx, "a: 'here''s to \"quotes\"'\nc: ''\n", &d);
    assert_non_null(doc);
    assert_string_equal(doc_map_get(doc->root, "a")->text, "here's to \"quotes\"");
    assert_string_equal(doc_map_get(doc->root, "c")->text, "");
    assert_true(doc_map_get(doc->root, "c")->quoted);
    doc_free(doc);
    /* Example 7.9, a top-level scalar as in the spec */
    doc = parse(ctx, "' 1st non-empty\n\n 2nd non-empty \n\t3rd non-empty '\n", &d);
    assert_non_null(doc);
    assert_string_equal(doc->root->text, " 1st non-empty\n2nd non-empty 3rd non-empty ");
    doc_free(doc);
    /* a long one with many escapes */
    char big[4100];
    strcpy(big, "x: '");
    for (int i = 0; i < 1000; i++)
        strcat(big, "''");
    strcat(big, "'\n");
    doc = parse(ctx, big, &d);
    assert_non_null(doc);
    const doc_node_t *x = doc_map_get(doc->root, "x");
    assert_int_equal(x->len, 1000);
    for (size_t i = 0; i < x->len; i++)
        assert_int_equal(x->text[i], '\'');
    doc_free(doc);
    brink_ctx_free(ctx);
}

/* YAML 1.2.2 Example 7.5 "Double Quoted Line Breaks" and 7.4. */
static void test_double_quoted_spec_examples(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    doc_t *doc = parse(ctx, "\"folded \nto a space,\t\n \nto a line feed, or \t\\\n \\ \tnon-content\"\n",
                       &d);
    assert_non_null(doc);
    assert_string_equal(doc->root->text, "folded to a space,\nto a line feed, or \t \tnon-content");
    doc_free(doc);
    doc = parse(ctx, "b: \"implicit block key\"\n", &d);
    assert_non_null(doc);
    assert_string_equal(doc_map_get(doc->root, "b")->text, "implicit block key");
    doc_free(doc);
    brink_ctx_free(ctx);
}

static void test_positions_and_types(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    doc_t *doc = parse(ctx, "top:\n  list: [1, \"two\", {k: v}]\n  other: 3\n", &d);
    assert_non_null(doc);
    const doc_node_t *top = doc_map_get(doc->root, "top");
    assert_int_equal(top->type, DOC_MAP);
    const doc_node_t *list = doc_map_get(top, "list");
    assert_int_equal(list->type, DOC_SEQ);
    assert_int_equal(list->line, 2);
    assert_int_equal(list->column, 9);
    assert_int_equal(list->count, 3);
    assert_int_equal(list->items[1]->column, 13);
    assert_true(list->items[1]->quoted);
    assert_false(list->items[0]->quoted);
    assert_int_equal(list->items[2]->type, DOC_MAP);
    assert_ptr_equal(doc_lookup(doc->root, "top.list[2].k"), doc_map_get(list->items[2], "k"));
    assert_null(doc_lookup(doc->root, "top.list[3]"));
    assert_null(doc_lookup(doc->root, "top.nothing"));
    doc_free(doc);
    brink_ctx_free(ctx);
}

static void test_limits(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    char deep[300];
    memset(deep, '[', 100);
    memset(deep + 100, ']', 100);
    deep[200] = '\0';
    assert_null(parse(ctx, deep, &d));
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, "nesting deeper than 64"));
    assert_int_equal(d.items[0].column, DOC_MAX_DEPTH + 1);
    brink_diags_clear(ctx, &d);
    /* 64 levels are fine */
    memset(deep, '[', 64);
    memset(deep + 64, ']', 64);
    deep[128] = '\0';
    doc_t *doc = parse(ctx, deep, &d);
    assert_non_null(doc);
    doc_free(doc);
    assert_null(parse(ctx, "a: 1\nb: 2\na: 3\n", &d));
    assert_string_equal(d.items[0].message, "duplicate key 'a' (first at line 1)");
    assert_int_equal(d.items[0].line, 3);
    brink_diags_clear(ctx, &d);
    assert_null(parse(ctx, "a: \xff\n", &d));
    assert_string_equal(d.items[0].message, "invalid UTF-8 byte 0xff; expected UTF-8 text");
    brink_diags_clear(ctx, &d);
    /* overlong encodings and surrogates are not UTF-8 */
    assert_null(parse(ctx, "a: \xc0\xaf\n", &d));
    brink_diags_clear(ctx, &d);
    assert_null(parse(ctx, "a: \xed\xa0\x80\n", &d));
    brink_diags_clear(ctx, &d);
    doc = parse(ctx, "a: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\n", &d);
    assert_non_null(doc);
    assert_string_equal(doc_map_get(doc->root, "a")->text, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    doc_free(doc);
    doc = parse(ctx, "", &d);
    assert_non_null(doc);
    assert_null(doc->root);
    doc_free(doc);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_quoted_spec_examples),
        cmocka_unit_test(test_double_quoted_spec_examples),
        cmocka_unit_test(test_positions_and_types),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
