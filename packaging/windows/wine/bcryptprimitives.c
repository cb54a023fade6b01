/* A stand-in for Windows' bcryptprimitives.dll, for trying the .exe under Wine only (it is never
 * put into the ZIP). Rust's standard library takes its random numbers from ProcessPrng in that
 * DLL, which Windows 10 and later have and Wine before 9 lacks; this one takes them from
 * RtlGenRandom (advapi32's SystemFunction036), which every Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
