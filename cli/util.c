/* util.c - option helpers, suggestions, progress bar, atomic files. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("brink: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("brink: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_FAIL;
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, (lb + 1) * sizeof prev[0]);
    }
    return prev[lb];
}

const char *cli_suggest(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (!candidates[i])
            break;
        size_t d = edit_distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    size_t len = strlen(word);
    size_t allowed = len <= 4 ? 1 : (len <= 8 ? 2 : 3);
    return best_d <= allowed ? best : NULL;
}

int cli_unknown_option(const char *cmd, const char *opt, const char *const *known)
{
    size_t n = 0;
    while (known && known[n])
        n++;
    const char *s = cli_suggest(opt, known, n);
    if (s)
        return cli_usage_error("%s: unknown option '%s'; did you mean '%s'? (see 'brink help %s')",
                               cmd, opt, s, cmd);
    return cli_usage_error("%s: unknown option '%s' (see 'brink help %s')", cmd, opt, cmd);
}

int cli_opt_is(const char *a, const char *name)
{
    size_t n = strlen(name);
    return strncmp(a, name, n) == 0 && (a[n] == '\0' || a[n] == '=');
}

int cli_parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s < '0' || *s > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int cli_parse_double(const char *s, double *out)
{
    if (!s || !*s)
        return -1;
    double v = 0;
    if (brink_parse_decimal(s, strlen(s), &v) != 0)
        return -1;
    *out = v;
    return 0;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void cli_progress_init(cli_progress_t *p, const char *label)
{
    p->enabled = isatty(STDERR_FILENO) && !getenv("BRINK_NO_PROGRESS");
    p->label = label;
    p->start = cli_now();
    p->last = 0.0;
}

void cli_progress_update(cli_progress_t *p, uint64_t done, uint64_t total)
{
    if (!p->enabled)
        return;
    double now = cli_now();
    if (done < total && now - p->last < 0.1)
        return;
    p->last = now;
    double el = now - p->start;
    double rate = el > 0 ? (double)done / el : 0.0;
    if (total) {
        double frac = (double)done / (double)total;
        int width = 30, fill = (int)(frac * width);
        double eta = rate > 0 ? (double)(total - done) / rate : 0.0;
        fprintf(stderr, "\r%s [%.*s%*s] %3d%% %llu/%llu %.0f/s ETA %.0fs ", p->label, fill,
                "##############################", width - fill, "", (int)(frac * 100.0),
                (unsigned long long)done, (unsigned long long)total, rate, eta);
    } else {
        fprintf(stderr, "\r%s %llu done %.0f/s ", p->label, (unsigned long long)done, rate);
    }
    fflush(stderr);
}

void cli_progress_done(cli_progress_t *p)
{
    if (p->enabled)
        fputs("\r\033[K", stderr);
}

void cli_progress_cb(uint64_t done, uint64_t total, void *ud)
{
    cli_progress_update(ud, done, total);
}

int cli_mkdirs(const char *dir)
{
    char buf[4096];
    size_t len = strlen(dir);
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, dir, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (buf[i] == '/' || buf[i] == '\0') {
            char c = buf[i];
            buf[i] = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return -1;
            buf[i] = c;
        }
    }
    struct stat st;
    return (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) ? 0 : -1;
}
