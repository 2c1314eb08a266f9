/*
 * smp_sqlite.c - an SMP run as a SQLite database in KTAB's table layout
 * (kmodelsql.cpp / smpsql.cpp; KTAB_SMP_Tables.md), so that KTAB's viewers
 * (SMPQ, the web dashboard) can open it.  Written tables: ScenarioDesc,
 * ActorDescription, SpatialCapability, SpatialSalience, DimensionDescription,
 * Accommodation, VectorPosition, PosProb, PosEquiv, Bargn, BargnCoords, and
 * when the run recorded them UtilChlg and ProbVict from the initiator's view
 * (Est_h = Init_i, Aff_k = initiator and receiver: the evaluations that drive
 * the model and the axes of SMPQ's quad map from that view; KTAB logs every
 * perspective, N^4 rows per turn).  The other KTAB tables
 * are created empty.  Coordinates are on KTAB's
 * scales: VectorPosition and BargnCoords on 0-100, saliences on 0-1.
 * The ScenarioId is a deterministic 32-hex hash of the input and options
 * (KTAB hashes the wall-clock time), so identical runs give identical files.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "forecast/smp_internal.h"

static const char *const ddl[] = {
    "CREATE TABLE PosUtil (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t     INTEGER     NOT NULL DEFAULT 0, Est_h      INTEGER     NOT NULL DEFAULT 0, Act_i      INTEGER     NOT NULL DEFAULT 0, Pos_j      INTEGER     NOT NULL DEFAULT 0, Util       FLOAT       NOT NULL DEFAULT 0.0)",
    "CREATE TABLE PosVote (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t     INTEGER     NOT NULL DEFAULT 0, Est_h      INTEGER     NOT NULL DEFAULT 0, Voter_k    INTEGER     NOT NULL DEFAULT 0, Pos_i      INTEGER     NOT NULL DEFAULT 0, Pos_j      INTEGER     NOT NULL DEFAULT 0, Vote       FLOAT       NOT NULL DEFAULT 0.0)",
    "CREATE TABLE PosProb (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t     INTEGER     NOT NULL DEFAULT 0, Est_h      INTEGER     NOT NULL DEFAULT 0, Pos_i      INTEGER     NOT NULL DEFAULT 0, Prob       FLOAT       NOT NULL DEFAULT 0.0)",
    "CREATE TABLE PosEquiv (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t     INTEGER     NOT NULL DEFAULT 0, Pos_i      INTEGER     NOT NULL DEFAULT 0, Eqv_j      INTEGER     NOT NULL DEFAULT 0 )",
    "CREATE TABLE UtilChlg (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'none', Turn_t     INTEGER     NOT NULL DEFAULT 0, Est_h      INTEGER     NOT NULL DEFAULT 0, Aff_k      INTEGER     NOT NULL DEFAULT 0, Init_i     INTEGER     NOT NULL DEFAULT 0, Rcvr_j     INTEGER     NOT NULL DEFAULT 0, Util_SQ    FLOAT       NOT NULL DEFAULT 0, Util_Vict  FLOAT       NOT NULL DEFAULT 0, Util_Cntst FLOAT       NOT NULL DEFAULT 0, Util_Chlg  FLOAT       NOT NULL DEFAULT 0  )",
    "CREATE TABLE ProbVict (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t     INTEGER     NOT NULL DEFAULT 0, Est_h      INTEGER     NOT NULL DEFAULT 0, Init_i     INTEGER     NOT NULL DEFAULT 0, Rcvr_j     INTEGER     NOT NULL DEFAULT 0, Prob       FLOAT       NOT NULL DEFAULT 0)",
    "CREATE TABLE TPProbVictLoss (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t     INTEGER     NOT NULL DEFAULT 0, Est_h      INTEGER     NOT NULL DEFAULT 0, Init_i     INTEGER     NOT NULL DEFAULT 0, ThrdP_k    INTEGER     NOT NULL DEFAULT 0, Rcvr_j     INTEGER     NOT NULL DEFAULT 0, Prob       FLOAT       NOT NULL DEFAULT 0, Util_V     FLOAT       NOT NULL DEFAULT 0, Util_L     FLOAT       NOT NULL DEFAULT 0  )",
    "CREATE TABLE ActorDescription (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Act_i      INTEGER NOT NULL DEFAULT 0, Name       VARCHAR(25) NOT NULL DEFAULT 'NoName', \"Desc\"   VARCHAR(256) NOT NULL DEFAULT 'NoName' )",
    "CREATE TABLE Bargn (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t INTEGER NOT NULL DEFAULT 0, BargnId INTEGER NOT NULL DEFAULT 0, Init_Act_i INTEGER NOT NULL DEFAULT 0, Recd_Act_j INTEGER NOT NULL DEFAULT 0, Value FLOAT NOT NULL DEFAULT 0.0, Init_Prob FLOAT NULL DEFAULT 0, Init_Seld INTEGER NULL ,Recd_Prob FLOAT NULL DEFAULT 0, Recd_Seld INTEGER NULL, CHECK (Init_Seld in (0,1) AND Recd_Seld in (0,1)))",
    "CREATE TABLE BargnCoords (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t INTEGER NOT NULL DEFAULT 0, BargnId INTEGER NOT NULL DEFAULT 0, Dim_k INTEGER NOT NULL DEFAULT 0, Init_Coord FLOAT NULL DEFAULT 0.0,Recd_Coord FLOAT NOT NULL DEFAULT 0.0)",
    "CREATE TABLE BargnUtil (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t INTEGER NOT NULL DEFAULT 0, BargnId    INTEGER NOT NULL DEFAULT 0, Act_i  INTEGER NOT NULL DEFAULT 0, Util FLOAT NOT NULL DEFAULT 0.0)",
    "CREATE TABLE BargnVote (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t INTEGER NOT NULL DEFAULT 0, BargnId_i  INTEGER NOT NULL DEFAULT 0, BargnId_j INTEGER NOT NULL DEFAULT 0, Act_k  INTEGER NOT NULL DEFAULT 0, Vote FLOAT NOT NULL DEFAULT 0.0)",
    "CREATE TABLE ScenarioDesc (Scenario VARCHAR(512) NOT NULL DEFAULT 'NoName', \"Desc\" VARCHAR(512) NOT NULL DEFAULT 'No Description', ScenarioId VARCHAR(32) NOT NULL UNIQUE DEFAULT 'None',RNGSeed VARCHAR(20) NOT NULL DEFAULT '0',VictoryProbModel INTEGER NULL DEFAULT NULL,ProbCondorcetElection INTEGER NULL DEFAULT NULL,StateTransition INTEGER NULL DEFAULT NULL,VotingRule INTEGER NULL DEFAULT NULL,BigRAdjust INTEGER NULL DEFAULT NULL,BigRRange INTEGER NULL DEFAULT NULL,ThirdPartyCommit INTEGER NULL DEFAULT NULL,InterVecBrgn INTEGER NULL DEFAULT NULL,BargnModel INTEGER NULL DEFAULT NULL)",
    "CREATE TABLE VectorPosition (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t  INTEGER NOT NULL DEFAULT 0, Act_i  INTEGER NOT NULL DEFAULT 0, Dim_k  INTEGER NOT NULL DEFAULT 0, Pos_Coord  FLOAT NOT NULL DEFAULT 0,Idl_Coord  FLOAT NOT NULL DEFAULT 0, Mover_BargnId INTEGER NULL DEFAULT 0)",
    "CREATE TABLE SpatialSalience (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t  INTEGER NOT NULL DEFAULT 0, Act_i  INTEGER NOT NULL DEFAULT 0, Dim_k  INTEGER NOT NULL DEFAULT 0, Sal  FLOAT NOT NULL DEFAULT 0.0)",
    "CREATE TABLE SpatialCapability (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Turn_t  INTEGER NOT NULL DEFAULT 0, Act_i  INTEGER NOT NULL DEFAULT 0, Cap  FLOAT NOT NULL DEFAULT 0.0)",
    "CREATE TABLE DimensionDescription (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Dim_k INTEGER NOT NULL DEFAULT 0, \"Desc\" VARCHAR(256) NOT NULL DEFAULT 'NoDesc' )",
    "CREATE TABLE Accommodation (ScenarioId VARCHAR(32) NOT NULL DEFAULT 'None', Act_i      INTEGER NOT NULL DEFAULT 0, Act_j      INTEGER NOT NULL DEFAULT 0, Affinity   FLOAT NOT NULL DEFAULT 0.0)",
    "CREATE INDEX idx_util ON PosUtil(ScenarioId, Turn_t, Est_h, Act_i, Pos_j)",
    "CREATE INDEX idx_actor ON ActorDescription(ScenarioId)",
};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        h ^= c[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static void scenario_id(const brink_fc_scenario_t *s, const brink_smp_options_t *o, char out[33])
{
    uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
    a = fnv(a, s->name, strlen(s->name));
    b = fnv(b, s->desc, strlen(s->desc));
    for (size_t i = 0; i < s->n; i++) {
        a = fnv(a, s->actor_name[i], strlen(s->actor_name[i]));
        a = fnv(a, &s->cap[i], sizeof(double));
        b = fnv(b, s->pos + i * s->d, s->d * sizeof(double));
        b = fnv(b, s->sal + i * s->d, s->d * sizeof(double));
    }
    int e[FC_NPARAMS];
    fc_options_to_array(o, e);
    a = fnv(a, e, sizeof e);
    b = fnv(b, &o->seed, sizeof o->seed);
    b = fnv(b, &o->run, sizeof o->run);
    snprintf(out, 33, "%016llX%016llX", (unsigned long long)a, (unsigned long long)b);
}

typedef struct dbw {
    brink_ctx_t *ctx;
    sqlite3 *db;
    brink_status_t st;
} dbw_t;

static int exec(dbw_t *w, const char *sql)
{
    if (w->st != BRINK_OK)
        return -1;
    char *err = NULL;
    if (sqlite3_exec(w->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        w->st = brink_ctx_error(w->ctx, BRINK_EDB, "sqlite: %s", err ? err : "error");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

static sqlite3_stmt *prep(dbw_t *w, const char *sql)
{
    sqlite3_stmt *q = NULL;
    if (w->st != BRINK_OK)
        return NULL;
    if (sqlite3_prepare_v2(w->db, sql, -1, &q, NULL) != SQLITE_OK) {
        w->st = brink_ctx_error(w->ctx, BRINK_EDB, "sqlite: %s", sqlite3_errmsg(w->db));
        return NULL;
    }
    return q;
}

static void step(dbw_t *w, sqlite3_stmt *q)
{
    if (w->st != BRINK_OK || !q)
        return;
    if (sqlite3_step(q) != SQLITE_DONE)
        w->st = brink_ctx_error(w->ctx, BRINK_EDB, "sqlite: %s", sqlite3_errmsg(w->db));
    sqlite3_reset(q);
}

brink_status_t brink_smp_write_sqlite(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                      const brink_smp_options_t *o,
                                      const brink_fc_history_t *h, const char *path)
{
    if (!ctx || !s || !o || !h || !path)
        return BRINK_EINVAL;
    size_t pl = strlen(path);
    char *tmp = brink_malloc(ctx, pl + 5);
    if (!tmp)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".tmp", 5);
    remove(tmp);
    dbw_t w = {ctx, NULL, BRINK_OK};
    sqlite3_stmt *q = NULL;
    if (sqlite3_open(tmp, &w.db) != SQLITE_OK) {
        w.st = brink_ctx_error(ctx, BRINK_EIO, "cannot create %s: %s", tmp,
                               w.db ? sqlite3_errmsg(w.db) : "out of memory");
        goto done;
    }
    exec(&w, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN");
    for (size_t k = 0; k < sizeof ddl / sizeof ddl[0]; k++)
        exec(&w, ddl[k]);
    char sid[33];
    scenario_id(s, o, sid);
    const size_t n = s->n, d = s->d, T = h->states;

    q = prep(&w, "INSERT INTO ScenarioDesc VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (q) {
        char seed[24];
        snprintf(seed, sizeof seed, "%llu", (unsigned long long)o->seed);
        sqlite3_bind_text(q, 1, s->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, s->desc, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, sid, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 4, seed, -1, SQLITE_TRANSIENT);
        int e[FC_NPARAMS];
        fc_options_to_array(o, e);
        for (int k = 0; k < FC_NPARAMS; k++)
            sqlite3_bind_int(q, 5 + k, e[k]);
        step(&w, q);
        sqlite3_finalize(q);
    }
    q = prep(&w, "INSERT INTO ActorDescription VALUES (?,?,?,?)");
    for (size_t i = 0; q && i < n; i++) {
        sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_text(q, 3, s->actor_name[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 4, s->actor_desc[i], -1, SQLITE_STATIC);
        step(&w, q);
    }
    sqlite3_finalize(q);
    q = prep(&w, "INSERT INTO DimensionDescription VALUES (?,?,?)");
    for (size_t k = 0; q && k < d; k++) {
        sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)k);
        sqlite3_bind_text(q, 3, s->dim_name[k], -1, SQLITE_STATIC);
        step(&w, q);
    }
    sqlite3_finalize(q);
    q = prep(&w, "INSERT INTO SpatialCapability VALUES (?,?,?,?)");
    for (size_t t = 0; q && t < T; t++)
        for (size_t i = 0; i < n; i++) {
            sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)t);
            sqlite3_bind_int64(q, 3, (sqlite3_int64)i);
            sqlite3_bind_double(q, 4, s->cap[i]);
            step(&w, q);
        }
    sqlite3_finalize(q);
    q = prep(&w, "INSERT INTO SpatialSalience VALUES (?,?,?,?,?)");
    for (size_t t = 0; q && t < T; t++)
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < d; k++) {
                sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
                sqlite3_bind_int64(q, 2, (sqlite3_int64)t);
                sqlite3_bind_int64(q, 3, (sqlite3_int64)i);
                sqlite3_bind_int64(q, 4, (sqlite3_int64)k);
                sqlite3_bind_double(q, 5, s->sal[i * d + k] / 100.0);
                step(&w, q);
            }
    sqlite3_finalize(q);
    q = prep(&w, "INSERT INTO Accommodation VALUES (?,?,?,?)");
    for (size_t i = 0; q && i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double a = s->accom ? s->accom[i * n + j] : (i == j ? 1.0 : 0.0);
            sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
            sqlite3_bind_int64(q, 3, (sqlite3_int64)j);
            sqlite3_bind_double(q, 4, a);
            step(&w, q);
        }
    sqlite3_finalize(q);
    q = prep(&w, "INSERT INTO VectorPosition VALUES (?,?,?,?,?,?,?)");
    for (size_t t = 0; q && t < T; t++)
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < d; k++) {
                sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
                sqlite3_bind_int64(q, 2, (sqlite3_int64)t);
                sqlite3_bind_int64(q, 3, (sqlite3_int64)i);
                sqlite3_bind_int64(q, 4, (sqlite3_int64)k);
                sqlite3_bind_double(q, 5, h->pos[(t * n + i) * d + k] * 100.0);
                sqlite3_bind_double(q, 6, h->ideal[(t * n + i) * d + k] * 100.0);
                if (h->mover[t * n + i])
                    sqlite3_bind_int64(q, 7, (sqlite3_int64)h->mover[t * n + i]);
                else
                    sqlite3_bind_null(q, 7);
                step(&w, q);
            }
    sqlite3_finalize(q);
    /* PosProb with Est_h = -1: the objective perspective KTAB prints */
    q = prep(&w, "INSERT INTO PosProb VALUES (?,?,?,?,?)");
    for (size_t t = 0; q && t < T; t++)
        for (size_t i = 0; i < n; i++) {
            sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)t);
            sqlite3_bind_int64(q, 3, -1);
            sqlite3_bind_int64(q, 4, (sqlite3_int64)i);
            sqlite3_bind_double(q, 5, h->prob[t * n + i]);
            step(&w, q);
        }
    sqlite3_finalize(q);
    q = prep(&w, "INSERT INTO PosEquiv VALUES (?,?,?,?)");
    for (size_t t = 0; q && t < T; t++)
        for (size_t i = 0; i < n; i++) {
            /* KTAB's sqlPosEquiv: the first actor whose position is within
             * posTol (Euclidean, unit scale) of i's */
            size_t e = i;
            for (size_t j = 0; j < i; j++) {
                double q2 = 0;
                for (size_t k = 0; k < d; k++) {
                    double x = h->pos[(t * n + i) * d + k] - h->pos[(t * n + j) * d + k];
                    q2 += x * x;
                }
                if (sqrt(q2) < o->pos_tol) {
                    e = j;
                    break;
                }
            }
            sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)t);
            sqlite3_bind_int64(q, 3, (sqlite3_int64)i);
            sqlite3_bind_int64(q, 4, (sqlite3_int64)e);
            step(&w, q);
        }
    sqlite3_finalize(q);
    q = prep(&w, "INSERT INTO Bargn VALUES (?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *qc = prep(&w, "INSERT INTO BargnCoords VALUES (?,?,?,?,?,?)");
    for (size_t b = 0; q && qc && b < h->nbargains; b++) {
        const fc_bargain_rec_t *r = &h->bargains[b];
        sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
        sqlite3_bind_int(q, 2, r->turn);
        sqlite3_bind_int64(q, 3, (sqlite3_int64)r->id);
        sqlite3_bind_int(q, 4, r->init);
        sqlite3_bind_int(q, 5, r->rcvr);
        sqlite3_bind_double(q, 6, r->value);
        sqlite3_bind_double(q, 7, r->init_prob);
        sqlite3_bind_int(q, 8, r->init_sel);
        sqlite3_bind_double(q, 9, r->rcvr_prob);
        sqlite3_bind_int(q, 10, r->rcvr_sel);
        step(&w, q);
        for (size_t k = 0; k < d; k++) {
            sqlite3_bind_text(qc, 1, sid, -1, SQLITE_STATIC);
            sqlite3_bind_int(qc, 2, r->turn);
            sqlite3_bind_int64(qc, 3, (sqlite3_int64)r->id);
            sqlite3_bind_int64(qc, 4, (sqlite3_int64)k);
            sqlite3_bind_double(qc, 5, h->coords[b * 2 * d + k] * 100.0);
            sqlite3_bind_double(qc, 6, h->coords[b * 2 * d + d + k] * 100.0);
            step(&w, qc);
        }
    }
    sqlite3_finalize(q);
    sqlite3_finalize(qc);
    /* UtilChlg and ProbVict from the initiators' own view, when recorded */
    q = prep(&w, "INSERT INTO UtilChlg VALUES (?,?,?,?,?,?,?,?,?,?)");
    qc = prep(&w, "INSERT INTO ProbVict VALUES (?,?,?,?,?,?)");
    for (size_t t = 0; q && qc && t < h->chlg_turns; t++)
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++) {
                if (i == j)
                    continue;
                const double *c = h->chlg + ((t * n + i) * n + j) * 9;
                const size_t aff[2] = {i, j};
                for (int side = 0; side < 2; side++) {
                    sqlite3_bind_text(q, 1, sid, -1, SQLITE_STATIC);
                    sqlite3_bind_int64(q, 2, (sqlite3_int64)t);
                    sqlite3_bind_int64(q, 3, (sqlite3_int64)i);
                    sqlite3_bind_int64(q, 4, (sqlite3_int64)aff[side]);
                    sqlite3_bind_int64(q, 5, (sqlite3_int64)i);
                    sqlite3_bind_int64(q, 6, (sqlite3_int64)j);
                    for (int k = 0; k < 4; k++)
                        sqlite3_bind_double(q, 7 + k, c[1 + 4 * side + k]);
                    step(&w, q);
                }
                sqlite3_bind_text(qc, 1, sid, -1, SQLITE_STATIC);
                sqlite3_bind_int64(qc, 2, (sqlite3_int64)t);
                sqlite3_bind_int64(qc, 3, (sqlite3_int64)i);
                sqlite3_bind_int64(qc, 4, (sqlite3_int64)i);
                sqlite3_bind_int64(qc, 5, (sqlite3_int64)j);
                sqlite3_bind_double(qc, 6, c[0]);
                step(&w, qc);
            }
    sqlite3_finalize(q);
    sqlite3_finalize(qc);
    exec(&w, "COMMIT");
done:
    if (w.db && sqlite3_close(w.db) != SQLITE_OK && w.st == BRINK_OK)
        w.st = brink_ctx_error(ctx, BRINK_EDB, "sqlite: cannot close %s", tmp);
    if (w.st == BRINK_OK && rename(tmp, path) != 0)
        w.st = brink_ctx_error(ctx, BRINK_EIO, "cannot rename %s to %s", tmp, path);
    if (w.st != BRINK_OK)
        remove(tmp);
    brink_free(ctx, tmp);
    return w.st;
}
