/*
 * Linked into the NativeAOT binary on Linux (see Site.csproj). NativeAOT's first act at start is to expand
 * ("rehydrate") about 5.5 MB of type data into the zero-filled tail of the executable's writable segment. In
 * 4 KiB pages that is about 1,400 page faults, the largest single cost of building a small site. Asking for
 * transparent huge pages there turns most of them into two or three. Where huge pages are off, or already
 * always on, the request changes nothing. It must run before main, hence a constructor: the runtime rehydrates
 * before any managed code runs.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

/* Only segments at least this much larger in memory than in the file are worth advising: a huge page is 2 MiB. */
#define WORTH_ADVISING ((uintptr_t)2 << 20)

static int advise_zero_filled_tail(struct dl_phdr_info *info, size_t size, void *unused)
{
    (void)size;
    (void)unused;
    const uintptr_t page = 4096;
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz < segment->p_filesz + WORTH_ADVISING)
        {
            continue;
        }
        /* The zero-filled part: past what the file holds, in whole pages. */
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr + segment->p_filesz + page - 1) & ~(page - 1);
        uintptr_t end = (info->dlpi_addr + segment->p_vaddr + segment->p_memsz) & ~(page - 1);
        madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
    /* The executable comes first; the shared libraries after it are not ours. */
    return 1;
}

__attribute__((constructor)) static void site_advise_huge_pages(void)
{
    dl_iterate_phdr(advise_zero_filled_tail, 0);
}
