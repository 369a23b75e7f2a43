/*
 * filter.c: the parser (table-driven, exact diagnostics), the evaluator on
 * a small grid, the bound on pathological regexes, and every bundled
 * scenario's filter against the chips it should select.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "dataset.h"
#include "filter.h"
#include "view.h"

static struct grid *
fixture(void)
{
	static const char *const rows[][5] = {
		{ "h100", "NVIDIA", "GPU", "80", "shipping" },
		{ "mi300x", "AMD", "GPU", "192", "shipping" },
		{ "tpu-v7", "Google", "TPU", "192", "shipping" },
		{ "lpu", "Groq", "LPU", "", "shipping" },
		{ "rubin", "NVIDIA", "GPU", "288", "announced" },
		{ "npu", "Qualcomm", "NPU", "64", "shipping" },
	};
	struct grid *g = grid_new(5);
	size_t r, c;

	grid_column(g, 0, "id", GRID_TEXT);
	grid_column(g, 1, "vendor", GRID_TEXT);
	grid_column(g, 2, "category", GRID_TEXT);
	grid_column(g, 3, "memory_gb", GRID_NUMBER);
	grid_column(g, 4, "status", GRID_TEXT);
	for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		grid_add_row(g);
		for (c = 0; c < 5; c++)
			grid_set(g, r, c, rows[r][c]);
	}
	return g;
}

/* The ids expr selects, space-separated, or the diagnostic. */
static char *
run(const char *expr)
{
	struct grid *g = fixture();
	struct diags dl;
	struct filter *f;
	struct buf b;
	size_t r;
	int x;

	buf_init(&b);
	diags_init(&dl);
	if ((f = filter_compile(expr, g, &dl)) == NULL) {
		char *m = diag_format(&dl.v[0]);

		assert_int_equal(dl.n, 1);
		buf_puts(&b, m);
		free(m);
	} else {
		for (r = 0; r < g->nrows; r++) {
			x = filter_match(f, g, r, &dl);
			assert_true(x >= 0);
			if (x)
				buf_printf(&b, "%s%s", b.len ? " " : "",
				    grid_get(g, r, 0));
		}
		filter_free(f);
	}
	diags_done(&dl);
	grid_free(g);
	return buf_take(&b);
}

static const struct {
	const char	*expr;
	const char	*want;	/* matching ids, or the exact diagnostic */
} cases[] = {
	/* Comparisons on text, case-blind. */
	{ "vendor = NVIDIA", "h100 rubin" },
	{ "vendor = nvidia", "h100 rubin" },
	{ "vendor == nvidia", "h100 rubin" },
	{ "vendor != NVIDIA", "mi300x tpu-v7 lpu npu" },
	{ "category = \"GPU\"", "h100 mi300x rubin" },
	{ "id < i", "h100" },
	/* Numbers, in the metric's unit; an empty cell matches nothing. */
	{ "memory_gb >= 192", "mi300x tpu-v7 rubin" },
	{ "memory_gb > 192", "rubin" },
	{ "memory_gb < 80", "npu" },
	{ "memory_gb <= 80", "h100 npu" },
	{ "memory_gb = 192", "mi300x tpu-v7" },
	{ "memory_gb != 192", "h100 rubin npu" },
	{ "memory_gb = 1.92e2", "mi300x tpu-v7" },
	{ "not memory_gb > 100", "h100 lpu npu" },
	/* Regexes: smart case, flags. */
	{ "vendor ~ /nvidia|amd/", "h100 mi300x rubin" },
	{ "vendor ~ /NVIDIA/", "h100 rubin" },
	{ "vendor ~ /Nvidia/", "" },
	{ "vendor ~ /Nvidia/i", "h100 rubin" },
	{ "vendor !~ /n/", "mi300x tpu-v7 lpu npu" },
	{ "vendor !~ /^g/", "h100 mi300x rubin npu" },
	{ "id ~ / h \\d+ /x", "h100" },
	{ "vendor ~ google", "tpu-v7" },
	{ "id ~ /a\\/b|lpu/", "lpu" },
	/* Bare values and bare regexes match any field. */
	{ "groq", "lpu" },
	{ "announced", "rubin" },
	{ "\"qualcomm\"", "npu" },
	{ "/^tpu/", "tpu-v7" },
	{ "192", "mi300x tpu-v7" },
	/* and, or, not, parentheses, precedence. */
	{ "category = GPU and memory_gb >= 192", "mi300x rubin" },
	{ "category = TPU or category = LPU", "tpu-v7 lpu" },
	{ "vendor = AMD or vendor = Groq and memory_gb > 1", "mi300x" },
	{ "(vendor = AMD or vendor = Groq) and memory_gb > 1", "mi300x" },
	{ "not (category = GPU or category = TPU)", "lpu npu" },
	{ "not not category = LPU", "lpu" },
	{ "CATEGORY = LPU", "1:1: error: unknown field \"CATEGORY\" (did you "
	    "mean category?)" },
	{ "category = lpu AND status = shipping", "lpu" },
	{ "  status   =   announced  ", "rubin" },
	/* Errors, positioned by character. */
	{ "", "1:1: error: empty expression" },
	{ "   ", "1:1: error: empty expression" },
	{ "memroy_gb > 80", "1:1: error: unknown field \"memroy_gb\" (did you "
	    "mean memory_gb?)" },
	{ "vendor = NVIDIA and memroy_gb > 80", "1:21: error: unknown field "
	    "\"memroy_gb\" (did you mean memory_gb?)" },
	{ "frobnicate = 1", "1:1: error: unknown field \"frobnicate\"" },
	{ "memory_gb > lots", "1:13: error: memory_gb is a number; \"lots\" "
	    "is not" },
	{ "memory_gb >", "1:12: error: expected a value at the end" },
	{ "memory_gb > )", "1:13: error: expected a value, found \")\"" },
	{ "= 3", "1:1: error: expected a field before =" },
	{ "(vendor = AMD", "1:1: error: unbalanced parenthesis: no closing )" },
	{ "vendor = AMD)",
	    "1:13: error: unbalanced parenthesis: no opening (" },
	{ ")", "1:1: error: unbalanced parenthesis: no opening (" },
	{ "and vendor = AMD", "1:1: error: expected a condition before "
	    "\"and\"" },
	{ "vendor = AMD and", "1:17: error: expected a condition at the end" },
	{ "vendor = AMD or or x", "1:17: error: expected a condition before "
	    "\"or\"" },
	{ "vendor = AMD groq", "1:14: error: expected and, or or the end, "
	    "found \"groq\"" },
	{ "vendor ! AMD", "1:8: error: \"!\" must be followed by = or ~" },
	{ "vendor = \"AMD", "1:10: error: unterminated string" },
	{ "vendor ~ /AMD", "1:10: error: unterminated regex: no closing /" },
	{ "vendor ~ /AMD/q", "1:15: error: unknown regex flag \"q\" (flags: "
	    "i, x)" },
	{ "vendor ~ /(a+/", "1:14: error: bad regex: missing closing "
	    "parenthesis" },
	{ "vendor ~ /[z-a]/", "1:14: error: bad regex: range out of order in "
	    "character class" },
	{ "vendor = /amd/", "1:10: error: a regex needs ~ or !~, not =" },
	{ "\xc3\xa9t\xc3\xa9 = 1", "1:1: error: unknown field "
	    "\"\xc3\xa9t\xc3\xa9\"" },
	{ "\xe6\x9d\xb1 and x ! y", "1:9: error: \"!\" must be followed by = "
	    "or ~" },
	{ "vendor = \xff", "1:10: error: invalid UTF-8 in the expression" },
	{ "not", "1:4: error: expected a condition at the end" },
	{ "()", "1:2: error: unbalanced parenthesis: no opening (" },
};

static void
test_cases(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = run(cases[i].expr);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu \"%s\": got \"%s\", want \"%s\"", i,
			    cases[i].expr, got, cases[i].want);
		free(got);
	}
	assert_true(sizeof cases / sizeof cases[0] >= 40);
}

/* Deep nesting and long expressions stop at a diagnostic, not the stack. */
static void
test_limits(void **state)
{
	struct buf b;
	char *got;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 64; i++)
		buf_puts(&b, "(");
	buf_puts(&b, "groq");
	for (i = 0; i < 64; i++)
		buf_puts(&b, ")");
	got = run(b.s);
	assert_string_equal(got, "lpu");
	free(got);
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "(");
	got = run(b.s);
	assert_string_equal(got, "1:65: error: nested too deeply (at most 64 "
	    "levels of parentheses and not)");
	free(got);
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "not ");
	buf_puts(&b, "groq");
	got = run(b.s);
	assert_string_equal(got, "1:257: error: nested too deeply (at most 64 "
	    "levels of parentheses and not)");
	free(got);
	buf_reset(&b);
	buf_puts(&b, "groq");
	for (i = 1; i < 1000; i++)
		buf_puts(&b, " or groq");
	got = run(b.s);
	assert_string_equal(got, "lpu");
	free(got);
	buf_puts(&b, " and x");
	got = run(b.s);
	assert_string_equal(got, "1:8002: error: more than 1000 conditions");
	free(got);
	buf_done(&b);
}

static void
test_pathological(void **state)
{
	struct grid *g = grid_new(1);
	struct filter *f;
	struct diags dl;
	char *s = malloc(20001);
	int x;

	(void)state;
	memset(s, 'a', 20000);
	s[19999] = '!';
	s[20000] = '\0';
	grid_column(g, 0, "name", GRID_TEXT);
	grid_add_row(g);
	grid_set(g, 0, 0, s);
	diags_init(&dl);
	f = filter_compile("name ~ /(a+)+$/", g, &dl);
	assert_non_null(f);
	x = filter_match(f, g, 0, &dl);
	/* It ends: either no match or a limit error, never a hang. */
	assert_true(x == 0 || x == -1);
	if (x == -1) {
		char *m = diag_format(&dl.v[0]);

		assert_non_null(strstr(m, "regex gave up"));
		free(m);
	}
	filter_free(f);
	/* Without JIT's shortcuts, the nested-quantifier backtracking. */
	f = filter_compile("name ~ /(a|aa)+(b|c)$/", g, &dl);
	assert_non_null(f);
	x = filter_match(f, g, 0, &dl);
	assert_true(x == 0 || x == -1);
	filter_free(f);
	diags_done(&dl);
	grid_free(g);
	free(s);
}

/* Each scenario's filter, on the bundled hardware, and what it must pick. */
static void
test_scenarios(void **state)
{
	static const struct {
		const char *id, *want;
	} want[] = {
		{ "high-volume-llm-inference", "google-tpu-v5p google-tpu-v6e "
		    "google-tpu-v7 aws-inferentia2 aws-trainium aws-trainium2 "
		    "aws-trainium3 aws-trainium4 microsoft-maia-100 "
		    "microsoft-maia-200 meta-mtia-v1 meta-mtia-v2 groq-lpu "
		    "groq-lpx cerebras-wse-3 intel-gaudi2 intel-gaudi3 "
		    "sambanova-sn40l openai-broadcom" },
		{ "frontier-training", "nvidia-b100 nvidia-rubin "
		    "nvidia-rubin-ultra amd-mi300x amd-mi325x amd-mi355x "
		    "amd-mi450 amd-mi455x" },
		{ "edge-mobile", "google-edge-tpu qualcomm-hexagon-npu "
		    "apple-neural-engine" },
		{ "research-lab", "nvidia-a100 nvidia-h100 nvidia-h200 "
		    "nvidia-b200 nvidia-gb200 nvidia-rubin amd-mi300x "
		    "amd-mi325x amd-mi355x" },
		{ "realtime-latency-sla", "groq-lpu groq-lpx cerebras-wse-3 "
		    "sambanova-sn40l" },
		{ "gaming-creative", "amd-rdna5" },
		{ "sovereign-ai", "nvidia-a100 nvidia-h100 nvidia-h200 "
		    "nvidia-b100 nvidia-b200 nvidia-gb200 nvidia-rubin "
		    "nvidia-rubin-ultra amd-mi300x amd-mi325x amd-mi355x "
		    "amd-mi450 amd-mi455x groq-lpu groq-lpx cerebras-wse-3 "
		    "graphcore-ipu intel-gaudi2 intel-gaudi3 sambanova-sn40l" },
		{ "startup-prototyping", "nvidia-a100 nvidia-h100 nvidia-h200 "
		    "nvidia-b200 nvidia-gb200 nvidia-rubin amd-mi300x "
		    "amd-mi325x amd-mi355x" },
		{ "gpu-changing-models", "nvidia-a100 nvidia-h100 nvidia-h200 "
		    "nvidia-b200 nvidia-gb200 nvidia-rubin amd-mi300x "
		    "amd-mi325x amd-mi355x" },
		{ "gpu-outside-gcp", "nvidia-a100 nvidia-h100 nvidia-h200 "
		    "nvidia-b100 nvidia-b200 nvidia-gb200 nvidia-rubin "
		    "nvidia-rubin-ultra nvidia-jetson-agx-orin "
		    "nvidia-jetson-agx-thor amd-mi300x amd-mi325x amd-mi355x "
		    "amd-mi450 amd-mi455x amd-rdna5" },
		{ "gpu-pytorch-ecosystem", "nvidia-a100 nvidia-h100 "
		    "nvidia-h200 nvidia-b100 nvidia-b200 nvidia-gb200 "
		    "nvidia-rubin nvidia-rubin-ultra nvidia-jetson-agx-orin "
		    "nvidia-jetson-agx-thor amd-mi300x amd-mi325x amd-mi355x "
		    "amd-mi450 amd-mi455x amd-rdna5" },
		{ "gpu-irregular-inference", "nvidia-a100 nvidia-h100 "
		    "nvidia-h200 nvidia-b200 nvidia-gb200 nvidia-rubin "
		    "amd-mi300x amd-mi325x amd-mi355x" },
		{ "tpu-gcp-dense-transformer", "google-tpu-v5p google-tpu-v6e "
		    "google-tpu-v7" },
		{ "tpu-jax-native", "google-tpu-v5p google-tpu-v6e "
		    "google-tpu-v7" },
		{ "tpu-large-pretraining", "google-tpu-v5p google-tpu-v7" },
		{ "tpu-no-onprem-edge", "google-tpu-v5p google-tpu-v6e "
		    "google-tpu-v7" },
	};
	struct dataset_opts o = { NULL, NULL, NULL };
	struct dataset *ds;
	struct diags dl;
	size_t i, r, n;

	(void)state;
	diags_init(&dl);
	ds = dataset_load(&o, &dl);
	assert_non_null(ds);
	n = dataset_count(ds, DS_SCENARIOS);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (i = 0; i < n; i++) {
		struct grid *g = view_list(ds, DS_HARDWARE);
		const char *id = dataset_field(ds, DS_SCENARIOS, i, SC_ID);
		const char *expr = dataset_field(ds, DS_SCENARIOS, i,
		    SC_FILTER);
		struct filter *f = filter_compile(expr, g, &dl);
		struct buf b;

		if (f == NULL)
			fail_msg("scenario %s: filter does not compile", id);
		assert_string_equal(id, want[i].id);
		assert_int_equal(filter_grid(f, g, &dl), 0);
		assert_true(g->nrows > 0);
		buf_init(&b);
		for (r = 0; r < g->nrows; r++)
			buf_printf(&b, "%s%s", r ? " " : "", grid_get(g, r, 0));
		if (strcmp(b.s, want[i].want) != 0)
			fail_msg("scenario %s picks \"%s\"", id, b.s);
		buf_done(&b);
		filter_free(f);
		grid_free(g);
	}
	diags_done(&dl);
	dataset_free(ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_pathological),
		cmocka_unit_test(test_scenarios),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
