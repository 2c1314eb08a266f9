/* serve_http.c - the requests of `brink serve` on libmicrohttpd: bodies
 * bounded to SERVE_MAX_BODY, the per-start token on state-changing
 * requests, the Host header (no DNS rebinding), routing to the API and the
 * page, and the replies. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

#define MAX_ARGS 16

typedef struct request {
    char *body;
    size_t len;
    int too_big;
} request_t;

void serve_error(serve_reply_t *r, unsigned status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_decref(r->json);
    r->status = status;
    r->json = json_pack("{s:s}", "error", msg);
}

typedef struct args {
    const char *kv[2 * MAX_ARGS + 1];
    int n, too_many;
} args_t;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
    (void)kind;
    args_t *a = cls;
    if (a->n >= MAX_ARGS) {
        a->too_many = 1;
        return MHD_NO;
    }
    a->kv[2 * a->n] = key;
    a->kv[2 * a->n + 1] = value ? value : "";
    a->n++;
    a->kv[2 * a->n] = NULL;
    return MHD_YES;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, serve_reply_t *r)
{
    char *buf = r->text;
    size_t len = r->len;
    const char *type = r->type ? r->type : "text/plain; charset=utf-8";
    if (r->json) {
        buf = json_dumps(r->json, JSON_COMPACT | JSON_ENSURE_ASCII);
        len = buf ? strlen(buf) : 0;
        type = "application/json";
        free(r->text);
        if (!buf) {
            r->status = 500;
            buf = strdup("{\"error\":\"out of memory\"}");
            len = buf ? strlen(buf) : 0;
        }
    }
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(len, buf ? buf : (void *)"", buf ? MHD_RESPMEM_MUST_FREE
                                                                         : MHD_RESPMEM_PERSISTENT);
    if (!resp) {
        free(buf);
        json_decref(r->json);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type", type);
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'");
    enum MHD_Result ret = MHD_queue_response(c, r->status ? r->status : 200, resp);
    MHD_destroy_response(resp);
    json_decref(r->json);
    return ret;
}

/* Host must name the server as bound (or localhost on loopback): a page
 * from another site cannot reach the API through a rebound DNS name */
static int host_ok(const serve_t *s, const char *host)
{
    if (!host)
        return 0;
    size_t n = strcspn(host, ":");
    if (host[0] == '[')
        n = strcspn(host, "]") + 1;
    if ((n == 9 && strncmp(host, "localhost", 9) == 0) ||
        (n == 9 && strncmp(host, "127.0.0.1", 9) == 0) || (n == 5 && strncmp(host, "[::1]", 5) == 0))
        return 1;
    return strlen(s->bind) == n && strncmp(host, s->bind, n) == 0 &&
           strcmp(s->bind, "0.0.0.0") != 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)version;
    serve_t *s = cls;
    request_t *rq = *con_cls;
    if (!rq) {
        rq = calloc(1, sizeof *rq);
        if (!rq)
            return MHD_NO;
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size) {
        if (!rq->too_big && rq->len + *upload_size <= SERVE_MAX_BODY) {
            char *b = realloc(rq->body, rq->len + *upload_size + 1);
            if (b) {
                memcpy(b + rq->len, upload, *upload_size);
                rq->body = b;
                rq->len += *upload_size;
                b[rq->len] = 0;
            } else {
                rq->too_big = 1;
            }
        } else {
            rq->too_big = 1;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    serve_reply_t r = {0};
    args_t a = {{NULL}, 0, 0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &a);
    int post = strcmp(method, "POST") == 0, get = strcmp(method, "GET") == 0;
    if (!host_ok(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host"))) {
        serve_error(&r, 421, "the Host header does not name this server");
    } else if (!post && !get) {
        serve_error(&r, 405, "method %s: expected GET or POST", method);
    } else if (rq->too_big) {
        serve_error(&r, 413, "the request body is larger than %d bytes", SERVE_MAX_BODY);
    } else if (a.too_many) {
        serve_error(&r, 400, "more than %d query arguments", MAX_ARGS);
    } else if (strncmp(url, "/api/", 5) == 0) {
        const char *tok = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Brink-Token");
        if (post && (!tok || strcmp(tok, s->token) != 0))
            serve_error(&r, 403, "a state-changing request needs this server's token in the "
                                 "X-Brink-Token header (the page carries it)");
        else if (post && !rq->body)
            serve_error(&r, 400, "the request has no JSON body");
        else if (get && rq->len)
            serve_error(&r, 400, "a GET request takes no body");
        else
            serve_api(s, method, url + 5, a.kv, rq->body, rq->len, &r);
    } else if (!get) {
        serve_error(&r, 405, "method %s on a page: expected GET", method);
    } else {
        serve_static(s, url, &r);
    }
    return send_reply(c, &r);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)c, (void)toe;
    request_t *rq = *con_cls;
    if (rq) {
        free(rq->body);
        free(rq);
    }
    *con_cls = NULL;
}

void *serve_start(serve_t *s, unsigned port, unsigned *bound_port)
{
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
    if (inet_pton(AF_INET, s->bind, &in4->sin_addr) == 1) {
        in4->sin_family = AF_INET;
        in4->sin_port = htons((uint16_t)port);
    } else if (inet_pton(AF_INET6, s->bind, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        flags |= MHD_USE_IPv6;
    } else {
        return NULL;
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)4, MHD_OPTION_CONNECTION_LIMIT, (unsigned)200,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)100, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, completed, s, MHD_OPTION_END);
    if (d) {
        const union MHD_DaemonInfo *i = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        *bound_port = i ? i->port : port;
    }
    return d;
}

void serve_stop(void *daemon)
{
    if (daemon)
        MHD_stop_daemon(daemon);
}
