"""The C declarations of libbrink's public API that the package uses, and
the loading of libbrink.so (cffi ABI mode: nothing is compiled at install).

The declarations are copied from include/brink/*.h; only functions declared
there (exported by libbrink.so) are used, so the package follows the
library's ABI promise (VERSIONING.md).  The shared library is found by:
the BRINK_LIBRARY environment variable (a path), then the dynamic linker's
search (ctypes.util.find_library), then /usr/local/lib and /usr/lib.
"""
import ctypes.util
import os

from cffi import FFI

CDEF = r"""
typedef enum brink_status { BRINK_OK = 0, BRINK_ENOMEM, BRINK_EINVAL, BRINK_EIO, BRINK_EPARSE,
    BRINK_EVALIDATE, BRINK_ERANGE, BRINK_ENOTFOUND, BRINK_EINTERRUPT, BRINK_ENUMERIC,
    BRINK_EUNSUPPORTED, BRINK_ELIMIT, BRINK_EDB } brink_status_t;
typedef struct brink_ctx brink_ctx_t;
typedef struct brink_allocator brink_allocator_t;
typedef void (*brink_progress_fn)(uint64_t done, uint64_t total, void *ud);
typedef int (*brink_interrupt_fn)(void *ud);
const char *brink_version(void);
int brink_soversion(void);
const char *brink_strerror(brink_status_t status);
brink_ctx_t *brink_ctx_new(const brink_allocator_t *alloc);
void brink_ctx_free(brink_ctx_t *ctx);
const char *brink_ctx_errmsg(const brink_ctx_t *ctx);
void brink_ctx_set_progress(brink_ctx_t *ctx, brink_progress_fn fn, void *ud);
void brink_ctx_set_interrupt(brink_ctx_t *ctx, brink_interrupt_fn fn, void *ud);
void brink_free(brink_ctx_t *ctx, void *ptr);

typedef struct brink_diag { char *file; int line; int column; char *path; char *message; } brink_diag_t;
typedef struct brink_diags { brink_diag_t *items; size_t count; size_t cap; size_t limit; } brink_diags_t;
void brink_diags_init(brink_diags_t *d);
void brink_diags_clear(brink_ctx_t *ctx, brink_diags_t *d);
size_t brink_diag_format(const brink_diag_t *diag, char *buf, size_t size);

typedef struct brink_scenario brink_scenario_t;
brink_status_t brink_scenario_load(brink_ctx_t *ctx, const char *path, const char *const *sets,
                                   size_t nsets, brink_scenario_t **out, brink_diags_t *diags);
void brink_scenario_free(brink_scenario_t *sc);
const char *brink_scenario_name(const brink_scenario_t *sc);
brink_status_t brink_scenario_clone(brink_ctx_t *ctx, const brink_scenario_t *sc, brink_scenario_t **out);
brink_status_t brink_scenario_set_number(brink_ctx_t *ctx, brink_scenario_t *sc, const char *path, double value);
brink_status_t brink_scenario_get_number(brink_ctx_t *ctx, const brink_scenario_t *sc, const char *path, double *value);

typedef struct brink_sim brink_sim_t;
typedef struct brink_ensemble brink_ensemble_t;
typedef struct brink_sim_trace brink_sim_trace_t;  /* opaque here: read through the writers */
const char *brink_sim_count_name(int k);
const char *brink_sim_series_name(int k);
const char *brink_sim_outcome_name(int k);
const char *brink_sim_milestone_name(int k);
brink_status_t brink_sim_new(brink_ctx_t *ctx, const brink_scenario_t *sc, brink_sim_t **out);
void brink_sim_free(brink_sim_t *sim);
int brink_sim_nactors(const brink_sim_t *sim);
const char *brink_sim_actor_id(const brink_sim_t *sim, int i);
int brink_sim_start(const brink_sim_t *sim);
int brink_sim_end(const brink_sim_t *sim);
brink_status_t brink_sim_trace_new(brink_ctx_t *ctx, const brink_sim_t *sim, size_t cap, brink_sim_trace_t **out);
void brink_sim_trace_free(brink_ctx_t *ctx, brink_sim_trace_t *t);
brink_status_t brink_sim_run(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed, uint32_t run,
                             int until, brink_sim_trace_t *trace);
int brink_ensemble_record(const brink_ensemble_t *e, int k, int year);
brink_status_t brink_sim_write_events_csv(const brink_sim_t *sim, const brink_sim_trace_t *t, uint32_t run,
                                int header, FILE *fp);
brink_status_t brink_sim_write_series_csv(const brink_sim_t *sim, const brink_sim_trace_t *t, FILE *fp);
brink_status_t brink_sim_write_narrative(const brink_sim_t *sim, const brink_sim_trace_t *t, FILE *fp);
brink_status_t brink_ensemble_write_json(const brink_ensemble_t *e, FILE *fp);
brink_status_t brink_ensemble_write_series_csv(const brink_ensemble_t *e, FILE *fp);

brink_status_t brink_sim_ensemble(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed,
                                  uint32_t runs, int threads, int until, brink_ensemble_t **out);
void brink_ensemble_free(brink_ensemble_t *e);
uint32_t brink_ensemble_runs(const brink_ensemble_t *e);
void brink_ensemble_outcome(const brink_ensemble_t *e, int k, double *p, double *lo, double *hi);
void brink_ensemble_milestone(const brink_ensemble_t *e, int k, double *p, int *median, int *q05, int *q95);
void brink_ensemble_annual(const brink_ensemble_t *e, int k, int year, double *mean, int q[5]);
double brink_ensemble_series_quantile(const brink_ensemble_t *e, int k, int month, double q);

typedef struct brink_game brink_game_t;
typedef struct brink_eqset brink_eqset_t;
typedef struct brink_solve_opts {
    int method; int strategic; double lambda; size_t max_eq; int branch;
    const double *observed; size_t observed_len; int subgame_method; int tableau;
} brink_solve_opts_t;
brink_status_t brink_game_read_string(brink_ctx_t *ctx, const char *text, size_t len,
                                      const char *name, brink_game_t **out, brink_diags_t *diags);
void brink_game_free(brink_ctx_t *ctx, brink_game_t *game);
int brink_game_kind(const brink_game_t *game);
const char *brink_game_title(const brink_game_t *game);
int brink_game_num_players(const brink_game_t *game);
const char *brink_game_player_name(const brink_game_t *game, int p);
int brink_game_num_strategies(const brink_game_t *game, int p);
int brink_game_num_infosets(const brink_game_t *game, int p);
int brink_game_num_actions(const brink_game_t *game, int p, int k);
brink_status_t brink_game_solve(brink_ctx_t *ctx, brink_game_t *game, const brink_solve_opts_t *opts,
                                brink_eqset_t **out);
size_t brink_eqset_count(const brink_eqset_t *eq);
size_t brink_eqset_width(const brink_eqset_t *eq);
int brink_eqset_kind(const brink_eqset_t *eq);
int brink_eqset_exact(const brink_eqset_t *eq);
int brink_eqset_has_lambda(const brink_eqset_t *eq);
double brink_eqset_value(const brink_eqset_t *eq, size_t i, size_t j);
size_t brink_eqset_format(const brink_eqset_t *eq, size_t i, size_t j, int decimals, char *buf, size_t size);
void brink_eqset_free(brink_ctx_t *ctx, brink_eqset_t *eq);
brink_status_t brink_game_reduced(brink_ctx_t *ctx, brink_game_t *game, const brink_game_t **out);

typedef struct brink_experiment brink_experiment_t;
typedef struct brink_model brink_model_t;
typedef struct brink_sweep_opts { const char *dir; int threads; int resume; uint32_t batch; } brink_sweep_opts_t;
typedef struct brink_sweep_stats { uint64_t total; uint64_t skipped; uint64_t done; uint64_t failed; } brink_sweep_stats_t;
brink_status_t brink_experiment_load_params(brink_ctx_t *ctx, const char *path, const char *params,
                                            brink_experiment_t **out, brink_diags_t *diags);
void brink_experiment_free(brink_experiment_t *exp);
brink_status_t brink_sweep_run(brink_ctx_t *ctx, const brink_experiment_t *exp,
                               const brink_model_t *model, const brink_sweep_opts_t *opts,
                               brink_sweep_stats_t *stats);
brink_status_t brink_analyze(brink_ctx_t *ctx, const char *dir, const char *method,
                             const char *output, uint32_t bootstrap, FILE *table_fp, FILE *json_fp);
brink_status_t brink_export(brink_ctx_t *ctx, const char *dir, const char *format,
                            const char *table, FILE *fp);

typedef struct brink_fc_scenario brink_fc_scenario_t;
typedef struct brink_fc_history brink_fc_history_t;
typedef struct brink_smp_options {
    int vpm; int pcem; int stm; int vr; int bigradj; int bigrrng; int tpc; int ivb; int bm;
    unsigned min_iter; unsigned max_iter; double min_delta_ratio; double min_sig_delta;
    double pos_tol; int fix_rcvr_prob; int fix_pw_weight; int record_challenges;
    uint64_t seed; uint32_t run; int threads;
} brink_smp_options_t;
brink_status_t brink_fc_read(brink_ctx_t *ctx, const char *path, brink_fc_scenario_t **out,
                             brink_diags_t *diags);
void brink_fc_scenario_free(brink_fc_scenario_t *s);
int brink_fc_scenario_apply_options(const brink_fc_scenario_t *s, brink_smp_options_t *o);
void brink_smp_options_default(brink_smp_options_t *o);
brink_status_t brink_smp_option_set(brink_ctx_t *ctx, brink_smp_options_t *o, const char *name,
                                    const char *value);
brink_status_t brink_smp_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                             const brink_smp_options_t *o, brink_fc_history_t **out);
void brink_fc_history_free(brink_fc_history_t *h);
char *brink_smp_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                        const brink_smp_options_t *o, const brink_fc_history_t *h);

FILE *open_memstream(char **ptr, size_t *sizeloc);
int fclose(FILE *stream);
void free(void *ptr);
"""

ffi = FFI()
ffi.cdef(CDEF)


def _find():
    path = os.environ.get("BRINK_LIBRARY")
    if path:
        return path
    found = ctypes.util.find_library("brink")
    if found:
        return found
    for d in ("/usr/local/lib", "/usr/lib", "/usr/lib/x86_64-linux-gnu"):
        for name in ("libbrink.so", "libbrink.so.0"):
            p = os.path.join(d, name)
            if os.path.exists(p):
                return p
    raise OSError("libbrink.so not found: install libbrink (make install) or set "
                  "BRINK_LIBRARY to its path")


# RTLD_NODELETE: the library (and the OpenMP runtime whose worker threads
# it starts) stays mapped until the process ends, so no thread is left
# running unmapped code when Python unloads modules at exit.
lib = ffi.dlopen(_find(), ffi.RTLD_NOW | ffi.RTLD_NODELETE)
libc = ffi.dlopen(None)
