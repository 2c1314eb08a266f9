/* cmd_serve.c - `brink serve`: the browser workbench (docs/workbench.md):
 * options, the per-start token, start, and a clean stop on SIGINT or
 * SIGTERM (every job cancelled and joined, every session freed). */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "opts.h"
#include "serve.h"

#ifndef BRINK_WEB_DIR
#define BRINK_WEB_DIR "web"
#endif

const char cmd_serve_usage[] =
    "usage: brink serve [--port N] [--bind ADDR] [--root DIR]\n"
    "\n"
    "Serves the workbench (docs/workbench.md) at http://ADDR:N/: open a\n"
    "scenario under DIR and change its levers, run ensembles with progress and\n"
    "cancel, compare a what-if with the baseline (common random numbers), read\n"
    "one run's events and why they happened, and play one actor with the\n"
    "advisor.  Stops on Ctrl-C.\n"
    "\n"
    "options:\n"
    "  --port N     TCP port (default 8080; 0: any free port, printed)\n"
    "  --bind ADDR  address to listen on (default 127.0.0.1, this machine only;\n"
    "               any other address is reachable from the network: a warning\n"
    "               is printed)\n"
    "  --root DIR   the directory whose scenario files the workbench may open\n"
    "               (default: the current directory); no path leads outside it\n"
    "\n"
    "Every state-changing request (POST) needs the token made at each start;\n"
    "the page served carries it.  Request bodies are limited to 64 KiB, an\n"
    "ensemble or comparison to 20000 runs, 2 of them running at once.\n"
    "The page's charts use Debian's libjs-d3, served from\n"
    "/usr/share/javascript/d3/.\n"
    "\n"
    "Exit status: 0 stopped by a signal, 1 failure, 2 usage error.\n";

static int is_loopback(const char *a)
{
    return strncmp(a, "127.", 4) == 0 || strcmp(a, "::1") == 0;
}

int cmd_serve(int argc, char **argv)
{
    enum { O_PORT, O_BIND, O_ROOT };
    static const cli_opt_t table[] = {{"--port", 0, 1, O_PORT},
                                      {"--bind", 0, 1, O_BIND},
                                      {"--root", 0, 1, O_ROOT},
                                      {NULL, 0, 0, 0}};
    cli_opts_t op;
    int id, rc = EXIT_OK;
    const char *v, *root = ".";
    uint64_t port = 8080;
    serve_t s;
    memset(&s, 0, sizeof s);
    s.bind = "127.0.0.1";
    cli_opts_init(&op, "serve", argc, argv, table);
    while ((id = cli_opts_next(&op, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            return cli_usage_error("serve: unexpected argument '%s' (see 'brink help serve')", v);
        case O_PORT:
            if ((rc = cli_opt_u64("serve", "--port", v, 0, 65535, &port)) != EXIT_OK)
                return rc;
            break;
        case O_BIND:
            s.bind = v;
            break;
        case O_ROOT:
            root = v;
            break;
        }
    }
    if (!realpath(root, s.root))
        return cli_usage_error("serve: --root: '%s' is not a directory", root);
    const char *web = getenv("BRINK_WEB_DIR") ? getenv("BRINK_WEB_DIR") : BRINK_WEB_DIR;
    if (!realpath(web, s.web))
        return cli_fail("serve: the page's directory '%s' is missing (BRINK_WEB_DIR)", web);
    FILE *f = fopen("/dev/urandom", "rb");
    unsigned char b[16];
    if (!f || fread(b, 1, sizeof b, f) != sizeof b) {
        if (f)
            fclose(f);
        return cli_fail("serve: cannot read /dev/urandom for the token");
    }
    fclose(f);
    for (int i = 0; i < 16; i++)
        snprintf(s.token + 2 * i, 3, "%02x", b[i]);
    /* the signals are taken by sigwait below; every thread inherits the mask */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    s.jobs = serve_jobs_new();
    s.plays = serve_plays_new();
    unsigned bound = 0;
    void *d = s.jobs && s.plays ? serve_start(&s, (unsigned)port, &bound) : NULL;
    if (!d) {
        rc = cli_fail("serve: cannot listen on %s port %u (an address of this machine? a free "
                      "port?)", s.bind, (unsigned)port);
        goto cleanup;
    }
    if (!is_loopback(s.bind))
        fprintf(stderr, "brink: serve: WARNING: listening on %s, not on this machine's loopback "
                        "address: anyone who can reach it can load the workbench and read the "
                        "scenarios under %s\n", s.bind, s.root);
    printf("brink serve: http://%s%s%s:%u/ (scenarios under %s; Ctrl-C stops)\n",
           strchr(s.bind, ':') ? "[" : "", s.bind, strchr(s.bind, ':') ? "]" : "", bound, s.root);
    fflush(stdout);
    int sig = 0;
    sigwait(&set, &sig);
    fprintf(stderr, "brink: serve: stopping (signal %d)\n", sig);
    serve_stop(d);
cleanup:
    serve_jobs_free(s.jobs);
    serve_plays_free(s.plays);
    return rc;
}
