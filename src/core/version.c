/* version.c - the library version (from the generated brink/version.h). */
#include "brink/core.h"

const char *brink_version(void)
{
    return BRINK_VERSION_STRING;
}

int brink_version_number(void)
{
    return BRINK_VERSION_NUMBER;
}

int brink_soversion(void)
{
    return BRINK_SOVERSION;
}
