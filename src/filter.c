/*
 * The filter language: lexer, recursive-descent parser, evaluator.  See
 * filter.h for the language.
 */
#include "filter.h"

#include <ctype.h>
#include <stdarg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dataset.h"
#include "find.h"
#include "utf8.h"
#include "xmalloc.h"

enum tok {
	TOK_END,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_OP,
	TOK_AND,
	TOK_OR,
	TOK_NOT,
	TOK_WORD,	/* bareword or number */
	TOK_STRING,	/* "quoted" */
	TOK_REGEX	/* /.../flags */
};

enum op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_MATCH, OP_NOMATCH };

static const char *const op_names[] = { "=", "!=", "<", "<=", ">", ">=", "~",
    "!~" };

enum node_kind { N_AND, N_OR, N_NOT, N_CMP, N_ANY };

struct node {
	enum node_kind	  kind;
	struct node	 *a, *b;
	/* N_CMP and N_ANY */
	long		  col;		/* N_CMP: the column */
	enum op		  op;
	char		 *text;		/* the value as written */
	double		  num;
	int		  isnum;
	pcre2_code	 *re;		/* for ~, !~ and a bare /regex/ */
	int		  jit;		/* re was compiled to machine code */
	size_t		  pos;		/* byte offset of the value */
	struct node	 *next;		/* all nodes, for freeing */
};

struct filter {
	char			*expr;
	struct node		*root;
	struct node		*all;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
};

struct parser {
	const char		*s;
	size_t			 pos;		/* of the current token */
	size_t			 end;		/* just past it */
	enum tok		 tok;
	enum op			 op;
	char			*val;		/* the token's text; owned */
	int			 reflags;	/* for TOK_REGEX */
	const struct grid	*g;
	struct filter		*f;
	struct diags		*dl;
	int			 failed;
	int			 depth;		/* of ( and not */
	size_t			 conditions;
};

/*
 * The parser and the evaluator recurse: bounds on nesting and on the
 * conditions (each and/or adds a level to the tree) keep a long
 * expression -- a scenario's filter is data -- from overflowing the
 * stack.
 */
#define MAX_DEPTH	64
#define MAX_CONDITIONS	1000

static unsigned
column(const struct parser *p, size_t at)
{
	return (unsigned)utf8_chars(p->s, at) + 1;
}

static void
error_at(struct parser *p, size_t at, const char *fmt, ...) PRINTFLIKE(3, 4);

static void
error_at(struct parser *p, size_t at, const char *fmt, ...)
{
	va_list ap;
	char *m;

	if (p->failed)
		return;
	p->failed = 1;
	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	diags_add(p->dl, DIAG_ERROR, NULL, 1, column(p, at), "%s", m);
	free(m);
}

static int
word_char(int c)
{
	return c != '\0' && !isspace(c) && strchr("()=!<>~\"", c) == NULL;
}

/* Read the next token. */
static void
next(struct parser *p)
{
	const char *s = p->s;
	size_t i = p->end, j;
	struct buf b;

	free(p->val);
	p->val = NULL;
	while (isspace((unsigned char)s[i]))
		i++;
	p->pos = i;
	switch (s[i]) {
	case '\0':
		p->tok = TOK_END;
		p->end = i;
		return;
	case '(':
	case ')':
		p->tok = s[i] == '(' ? TOK_LPAREN : TOK_RPAREN;
		p->end = i + 1;
		return;
	case '=':
		p->tok = TOK_OP;
		p->op = OP_EQ;
		p->end = i + 1 + (s[i + 1] == '=');
		return;
	case '~':
		p->tok = TOK_OP;
		p->op = OP_MATCH;
		p->end = i + 1;
		return;
	case '!':
		p->tok = TOK_OP;
		if (s[i + 1] == '=')
			p->op = OP_NE;
		else if (s[i + 1] == '~')
			p->op = OP_NOMATCH;
		else {
			error_at(p, i, "\"!\" must be followed by = or ~");
			p->tok = TOK_END;
			p->end = i + 1;
			return;
		}
		p->end = i + 2;
		return;
	case '<':
	case '>':
		p->tok = TOK_OP;
		if (s[i + 1] == '=')
			p->op = s[i] == '<' ? OP_LE : OP_GE;
		else
			p->op = s[i] == '<' ? OP_LT : OP_GT;
		p->end = i + 1 + (s[i + 1] == '=');
		return;
	case '"':
		buf_init(&b);
		for (j = i + 1; s[j] != '\0' && s[j] != '"'; j++) {
			if (s[j] == '\\' && (s[j + 1] == '"' ||
			    s[j + 1] == '\\'))
				j++;
			buf_putc(&b, s[j]);
		}
		if (s[j] != '"') {
			buf_done(&b);
			error_at(p, i, "unterminated string");
			p->tok = TOK_END;
			p->end = j;
			return;
		}
		p->tok = TOK_STRING;
		p->val = buf_take(&b);
		p->end = j + 1;
		return;
	case '/':
		buf_init(&b);
		for (j = i + 1; s[j] != '\0' && s[j] != '/'; j++) {
			/* \/ is a slash in the pattern; other escapes stay. */
			if (s[j] == '\\' && s[j + 1] == '/')
				j++;
			else if (s[j] == '\\' && s[j + 1] != '\0')
				buf_putc(&b, s[j++]);
			buf_putc(&b, s[j]);
		}
		if (s[j] != '/') {
			buf_done(&b);
			error_at(p, i, "unterminated regex: no closing /");
			p->tok = TOK_END;
			p->end = j;
			return;
		}
		p->tok = TOK_REGEX;
		p->val = buf_take(&b);
		p->reflags = 0;
		for (j++; isalpha((unsigned char)s[j]); j++) {
			if (s[j] == 'i')
				p->reflags |= PCRE2_CASELESS;
			else if (s[j] == 'x')
				p->reflags |= PCRE2_EXTENDED;
			else {
				error_at(p, j, "unknown regex flag \"%c\" "
				    "(flags: i, x)", s[j]);
				p->tok = TOK_END;
				p->end = j + 1;
				return;
			}
		}
		p->end = j;
		return;
	default:
		for (j = i; word_char((unsigned char)s[j]); j++)
			;
		p->val = xstrndup(s + i, j - i);
		p->end = j;
		if (strcasecmp(p->val, "and") == 0)
			p->tok = TOK_AND;
		else if (strcasecmp(p->val, "or") == 0)
			p->tok = TOK_OR;
		else if (strcasecmp(p->val, "not") == 0)
			p->tok = TOK_NOT;
		else
			p->tok = TOK_WORD;
		return;
	}
}

static struct node *
node_new(struct parser *p, enum node_kind kind)
{
	struct node *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->col = -1;
	n->next = p->f->all;
	p->f->all = n;
	return n;
}

/* Compile pattern for node n (see find_compile()); at is its position. */
static int
compile_re(struct parser *p, struct node *n, const char *pat, int flags,
    size_t at)
{
	char msg[256];
	size_t off;

	n->re = find_compile(pat, (uint32_t)flags, msg, sizeof msg, &off);
	if (n->re == NULL) {
		/* +1: the opening slash. */
		error_at(p, at + 1 + off, "bad regex: %s", msg);
		return -1;
	}
	n->jit = pcre2_pattern_info(n->re, PCRE2_INFO_JITSIZE, &off) == 0 &&
	    off > 0;
	return 0;
}

/*
 * A bare value looked for in every cell, case-blind, as a literal pattern:
 * PCRE2's JIT finds it several times faster than a scan by hand.  Where it
 * cannot be compiled (invalid UTF-8), contains() does the work.
 */
static void
literal_re(struct node *n)
{
	char msg[64];
	size_t off;

	n->re = find_compile(n->text, PCRE2_LITERAL | PCRE2_CASELESS, msg,
	    sizeof msg, &off);
	n->jit = n->re != NULL && pcre2_pattern_info(n->re,
	    PCRE2_INFO_JITSIZE, &off) == 0 && off > 0;
}

static const char *const *
head_names(const struct grid *g)
{
	return (const char *const *)g->head;
}

static struct node *parse_expr(struct parser *);

/* A value token into n: number, string, bareword or regex. */
static int
take_value(struct parser *p, struct node *n)
{
	n->pos = p->pos;
	switch (p->tok) {
	case TOK_WORD:
	case TOK_STRING:
		n->text = xstrdup(p->val);
		n->isnum = p->tok == TOK_WORD &&
		    parse_number(n->text, &n->num) == 0;
		break;
	case TOK_REGEX:
		n->text = xstrdup(p->val);
		if (compile_re(p, n, p->val, p->reflags, p->pos) != 0)
			return -1;
		break;
	case TOK_END:
		error_at(p, p->pos, "expected a value at the end");
		return -1;
	default:
		error_at(p, p->pos, "expected a value, found \"%.*s\"",
		    (int)(p->end - p->pos), p->s + p->pos);
		return -1;
	}
	next(p);
	return 0;
}

static struct node *
parse_factor(struct parser *p)
{
	struct node *n;
	size_t at;

	if (p->failed)
		return NULL;
	if ((p->tok == TOK_NOT || p->tok == TOK_LPAREN) &&
	    p->depth == MAX_DEPTH) {
		error_at(p, p->pos, "nested too deeply (at most %d levels of "
		    "parentheses and not)", MAX_DEPTH);
		return NULL;
	}
	if ((p->tok == TOK_WORD || p->tok == TOK_STRING ||
	    p->tok == TOK_REGEX) && ++p->conditions > MAX_CONDITIONS) {
		error_at(p, p->pos, "more than %d conditions", MAX_CONDITIONS);
		return NULL;
	}
	switch (p->tok) {
	case TOK_NOT:
		next(p);
		n = node_new(p, N_NOT);
		p->depth++;
		n->a = parse_factor(p);
		p->depth--;
		return n->a != NULL ? n : NULL;
	case TOK_LPAREN:
		at = p->pos;
		next(p);
		p->depth++;
		n = parse_expr(p);
		p->depth--;
		if (n == NULL)
			return NULL;
		if (p->tok != TOK_RPAREN) {
			error_at(p, at, "unbalanced parenthesis: no closing )");
			return NULL;
		}
		next(p);
		return n;
	case TOK_WORD: {
		/* field op value, or a bare value. */
		struct parser save = *p;
		char *name = xstrdup(p->val);
		size_t npos = p->pos;

		save.val = NULL;
		next(p);
		if (p->tok != TOK_OP) {
			free(name);
			n = node_new(p, N_ANY);
			n->pos = npos;
			n->text = xstrdup(save.s + npos);
			n->text[save.end - npos] = '\0';
			n->isnum = 0;
			literal_re(n);
			return n;
		}
		n = node_new(p, N_CMP);
		n->op = p->op;
		n->col = grid_find_column(p->g, name);
		if (n->col < 0) {
			const char *s = suggest(name, head_names(p->g),
			    p->g->ncols);

			if (s != NULL)
				error_at(p, npos, "unknown field \"%s\" (did "
				    "you mean %s?)", name, s);
			else
				error_at(p, npos, "unknown field \"%s\"", name);
			free(name);
			return NULL;
		}
		free(name);
		next(p);
		if (take_value(p, n) != 0)
			return NULL;
		if (n->op == OP_MATCH || n->op == OP_NOMATCH) {
			if (n->re == NULL && compile_re(p, n, n->text, 0,
			    n->pos - 1) != 0)
				return NULL;
		} else if (n->re != NULL) {
			error_at(p, n->pos, "a regex needs ~ or !~, not %s",
			    op_names[n->op]);
			return NULL;
		} else if (p->g->type[n->col] == GRID_NUMBER && !n->isnum &&
		    n->op != OP_EQ && n->op != OP_NE) {
			error_at(p, n->pos, "%s is a number; \"%s\" is not",
			    p->g->head[n->col], n->text);
			return NULL;
		}
		return n;
	}
	case TOK_STRING:
	case TOK_REGEX:
		n = node_new(p, N_ANY);
		if (take_value(p, n) != 0)
			return NULL;
		if (n->re == NULL)
			literal_re(n);
		return n;
	case TOK_OP:
		error_at(p, p->pos, "expected a field before %s",
		    op_names[p->op]);
		return NULL;
	case TOK_RPAREN:
		error_at(p, p->pos, "unbalanced parenthesis: no opening (");
		return NULL;
	case TOK_AND:
	case TOK_OR:
		error_at(p, p->pos, "expected a condition before \"%s\"",
		    p->val);
		return NULL;
	case TOK_END:
	default:
		error_at(p, p->pos, "expected a condition at the end");
		return NULL;
	}
}

static struct node *
parse_term(struct parser *p)
{
	struct node *a = parse_factor(p), *n;

	while (a != NULL && p->tok == TOK_AND) {
		next(p);
		n = node_new(p, N_AND);
		n->a = a;
		if ((n->b = parse_factor(p)) == NULL)
			return NULL;
		a = n;
	}
	return a;
}

static struct node *
parse_expr(struct parser *p)
{
	struct node *a = parse_term(p), *n;

	while (a != NULL && p->tok == TOK_OR) {
		next(p);
		n = node_new(p, N_OR);
		n->a = a;
		if ((n->b = parse_term(p)) == NULL)
			return NULL;
		a = n;
	}
	return a;
}

struct filter *
filter_compile(const char *expr, const struct grid *g, struct diags *dl)
{
	struct parser p;
	struct filter *f = xcalloc(1, sizeof *f);
	size_t bad;

	f->expr = xstrdup(expr);
	memset(&p, 0, sizeof p);
	p.s = f->expr;
	p.g = g;
	p.f = f;
	p.dl = dl;
	if (!utf8_valid(expr, strlen(expr), &bad)) {
		error_at(&p, bad, "invalid UTF-8 in the expression");
		filter_free(f);
		return NULL;
	}
	next(&p);
	if (p.tok == TOK_END && !p.failed)
		error_at(&p, 0, "empty expression");
	else
		f->root = parse_expr(&p);
	if (f->root != NULL && p.tok != TOK_END) {
		if (p.tok == TOK_RPAREN)
			error_at(&p, p.pos, "unbalanced parenthesis: no "
			    "opening (");
		else
			error_at(&p, p.pos, "expected and, or or the end, "
			    "found \"%.*s\"", (int)(p.end - p.pos),
			    p.s + p.pos);
	}
	free(p.val);
	if (p.failed || f->root == NULL) {
		filter_free(f);
		return NULL;
	}
	f->md = pcre2_match_data_create(1, NULL);
	f->mc = find_match_context();
	return f;
}

void
filter_free(struct filter *f)
{
	struct node *n, *nx;

	if (f == NULL)
		return;
	for (n = f->all; n != NULL; n = nx) {
		nx = n->next;
		free(n->text);
		pcre2_code_free(n->re);
		free(n);
	}
	pcre2_match_data_free(f->md);
	pcre2_match_context_free(f->mc);
	free(f->expr);
	free(f);
}

const char *
filter_text(const struct filter *f)
{
	return f->expr;
}

/* 1 match, 0 none, -1 limit; reported through dl. */
static int
re_match(struct filter *f, const struct node *n, const char *s,
    struct diags *dl)
{
	PCRE2_UCHAR msg[256];
	int rc;

	/* Straight to the machine code where there is some: a filter runs
	   it on every cell of a million rows. */
	if (n->jit)
		rc = pcre2_jit_match(n->re, (PCRE2_SPTR)s, strlen(s), 0, 0,
		    f->md, f->mc);
	else
		rc = pcre2_match(n->re, (PCRE2_SPTR)s, strlen(s), 0, 0, f->md,
		    f->mc);

	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	pcre2_get_error_message(rc, msg, sizeof msg);
	diags_add(dl, DIAG_ERROR, NULL, 1, (unsigned)utf8_chars(f->expr,
	    n->pos) + 1, "regex gave up: %s", (char *)msg);
	return -1;
}

/* Case-blind substring test. */
static int
contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return n == 0;
}

static int
cmp_result(enum op op, int c)
{
	switch (op) {
	case OP_EQ: return c == 0;
	case OP_NE: return c != 0;
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GT: return c > 0;
	case OP_GE: return c >= 0;
	default: return 0;
	}
}

static int
eval(struct filter *f, const struct node *n, const struct grid *g, size_t r,
    struct diags *dl)
{
	const char *v;
	double d;
	size_t c;
	int x;

	switch (n->kind) {
	case N_AND:
		x = eval(f, n->a, g, r, dl);
		return x != 1 ? x : eval(f, n->b, g, r, dl);
	case N_OR:
		x = eval(f, n->a, g, r, dl);
		return x != 0 ? x : eval(f, n->b, g, r, dl);
	case N_NOT:
		x = eval(f, n->a, g, r, dl);
		return x < 0 ? x : !x;
	case N_ANY:
		for (c = 0; c < g->ncols; c++) {
			v = grid_get(g, r, c);
			x = n->re ? re_match(f, n, v, dl) : contains(v,
			    n->text);
			if (x != 0)
				return x;
		}
		return 0;
	case N_CMP:
		v = grid_get(g, r, (size_t)n->col);
		if (n->op == OP_MATCH || n->op == OP_NOMATCH) {
			x = re_match(f, n, v, dl);
			return x < 0 ? x : n->op == OP_MATCH ? x : !x;
		}
		if (g->type[n->col] == GRID_NUMBER && n->isnum) {
			/* An unknown figure matches no comparison. */
			if (parse_number(v, &d) != 0)
				return 0;
			return cmp_result(n->op, d < n->num ? -1 : d > n->num);
		}
		return cmp_result(n->op, strcasecmp(v, n->text));
	}
	return 0;
}

int
filter_match(struct filter *f, const struct grid *g, size_t r,
    struct diags *dl)
{
	return eval(f, f->root, g, r, dl);
}

size_t
filter_grid(struct filter *f, struct grid *g, struct diags *dl)
{
	unsigned char *keep = xcalloc(g->nrows ? g->nrows : 1, 1);
	size_t r, failures = 0;
	struct diags tmp;
	int x;

	/* Only the first failure is reported; the rest are counted. */
	diags_init(&tmp);
	for (r = 0; r < g->nrows; r++) {
		x = filter_match(f, g, r, failures ? &tmp : dl);
		if (x < 0)
			failures++;
		keep[r] = x == 1;
	}
	grid_keep_rows(g, keep);
	free(keep);
	diags_done(&tmp);
	return failures;
}
