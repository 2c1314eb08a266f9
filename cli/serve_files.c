/* serve_files.c - files `brink serve` reads: the page (index.html with the
 * start's token, app.js, app.css from the web directory), the chart
 * library from where Debian's libjs-d3 installs it, and scenario paths
 * confined to --root. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

#define D3_PATH "/usr/share/javascript/d3/d3.min.js"

int serve_confine(const char *dir, const char *rel, char *out, size_t n, char *why, size_t wn)
{
    if (!rel || !*rel) {
        snprintf(why, wn, "an empty path");
        return -1;
    }
    if (rel[0] == '/') {
        snprintf(why, wn, "'%.200s' is an absolute path; expected a path under the server's "
                          "--root", rel);
        return -1;
    }
    for (const char *p = rel; *p; p++)
        if (*p == '%' || *p == '\\' || (unsigned char)*p < 0x20) {
            snprintf(why, wn, "'%.200s' holds a character a path under --root may not hold "
                              "(%%, \\ or a control character)", rel);
            return -1;
        }
    for (const char *p = rel; *p;) {
        size_t l = strcspn(p, "/");
        if ((l == 2 && p[0] == '.' && p[1] == '.') || l == 0) {
            snprintf(why, wn, "'%.200s' %s; expected a path under the server's --root", rel,
                     l ? "climbs out with '..'" : "has an empty component");
            return -1;
        }
        p += l + (p[l] == '/');
    }
    char joined[PATH_MAX + 1], real[PATH_MAX + 1];
    if (snprintf(joined, sizeof joined, "%s/%s", dir, rel) >= (int)sizeof joined) {
        snprintf(why, wn, "the path is too long");
        return -1;
    }
    if (!realpath(joined, real)) {
        snprintf(why, wn, "'%.200s' does not exist under the server's --root", rel);
        return -1;
    }
    size_t dl = strlen(dir);
    if (strncmp(real, dir, dl) != 0 || (real[dl] != '/' && real[dl] != 0)) {
        snprintf(why, wn, "'%.200s' leads outside the server's --root (a symbolic link)", rel);
        return -1;
    }
    if (strlen(real) >= n) {
        snprintf(why, wn, "the path is too long");
        return -1;
    }
    strcpy(out, real);
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && n < (16L << 20) && fseek(f, 0, SEEK_SET) == 0 &&
            (buf = malloc((size_t)n + 1)) != NULL) {
            if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
                free(buf);
                buf = NULL;
            } else {
                buf[n] = 0;
                *len = (size_t)n;
            }
        }
    }
    fclose(f);
    return buf;
}

/* index.html with {{TOKEN}} replaced by the token */
static char *with_token(char *page, size_t *len, const char *token)
{
    char *at = strstr(page, "{{TOKEN}}");
    if (!at)
        return page;
    size_t pre = (size_t)(at - page), tl = strlen(token), post = *len - pre - 9;
    char *out = malloc(pre + tl + post + 1);
    if (out) {
        memcpy(out, page, pre);
        memcpy(out + pre, token, tl);
        memcpy(out + pre + tl, at + 9, post + 1);
        *len = pre + tl + post;
    }
    free(page);
    return out;
}

void serve_static(const serve_t *s, const char *url, serve_reply_t *r)
{
    static const struct {
        const char *url, *file, *type;
    } files[] = {
        {"/", "index.html", "text/html; charset=utf-8"},
        {"/index.html", "index.html", "text/html; charset=utf-8"},
        {"/app.js", "app.js", "text/javascript; charset=utf-8"},
        {"/app.css", "app.css", "text/css; charset=utf-8"},
        {"/js/d3.min.js", NULL, "text/javascript; charset=utf-8"},
    };
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        if (strcmp(url, files[k].url) != 0)
            continue;
        char path[PATH_MAX + 32];
        if (files[k].file)
            snprintf(path, sizeof path, "%s/%s", s->web, files[k].file);
        else
            snprintf(path, sizeof path, "%s", D3_PATH);
        size_t len = 0;
        char *buf = slurp(path, &len);
        if (buf && strcmp(files[k].file ? files[k].file : "", "index.html") == 0)
            buf = with_token(buf, &len, s->token);
        if (!buf) {
            serve_error(r, 500, "cannot read %s (is %s installed?)", path,
                        files[k].file ? "brink's web directory" : "libjs-d3");
            return;
        }
        r->status = 200;
        r->text = buf;
        r->len = len;
        r->type = files[k].type;
        return;
    }
    if (strcmp(url, "/favicon.ico") == 0) {
        r->status = 204; /* no icon, and no error in the browser's console */
        return;
    }
    serve_error(r, 404, "no page at '%.200s'", url);
}
