/* fuzz_playlog.c - libFuzzer target: any bytes into the play log reader
 * (brink_play_log_parse, brink/play.h).  It must return a status, never
 * crash, hang or leak; a log it accepts has consecutive months and known
 * actions and stances.  Also built with replay_main.c as a ctest that
 * replays corpus/playlog/. */
#include <stddef.h>
#include <stdint.h>

#include "brink/brink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return 0;
    brink_play_log_t log;
    if (brink_play_log_parse(ctx, "fuzz.log", (const char *)data, size, &log) == BRINK_OK) {
        for (size_t k = 0; k < log.n; k++) {
            if (k && log.month[k] != log.month[k - 1] + 1)
                __builtin_trap();
            if (!*brink_play_action_name(log.action[k]) || !*brink_play_talks_name(log.talks[k]))
                __builtin_trap();
        }
    }
    brink_play_log_free(ctx, &log);
    brink_ctx_free(ctx);
    return 0;
}
