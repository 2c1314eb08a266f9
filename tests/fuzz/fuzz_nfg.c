/* fuzz_nfg.c - libFuzzer target for the strategic-form reader. */
#include "fuzz_game.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_one(data, size);
}
