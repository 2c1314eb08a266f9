/* status.c - the sentences behind brink_status_t. */
#include "brink/core.h"

static const char *const messages[BRINK_STATUS_COUNT] = {
    [BRINK_OK] = "success",
    [BRINK_ENOMEM] = "out of memory",
    [BRINK_EINVAL] = "invalid argument",
    [BRINK_EIO] = "input/output error",
    [BRINK_EPARSE] = "syntax error in input",
    [BRINK_EVALIDATE] = "input does not match its schema",
    [BRINK_ERANGE] = "value out of range",
    [BRINK_ENOTFOUND] = "not found",
    [BRINK_EINTERRUPT] = "interrupted",
    [BRINK_ENUMERIC] = "numerical method failed",
    [BRINK_EUNSUPPORTED] = "not supported",
    [BRINK_ELIMIT] = "size or depth limit exceeded",
    [BRINK_EDB] = "result store error",
};

const char *brink_strerror(brink_status_t status)
{
    if ((int)status < 0 || status >= BRINK_STATUS_COUNT)
        return "unknown status";
    return messages[status];
}
