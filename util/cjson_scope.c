/* Scoped bump allocation for cJSON (cjson_scope.h). The region is a large
 * reservation of address space (MAP_NORESERVE): only the pages a scope
 * touches become memory, and they are reused by the next scope. free()
 * of a pointer inside the region is a no-op; any other pointer was
 * malloc'd and goes back to free(), so trees made outside a scope may be
 * freed inside one and the reverse. */
#include "util/cjson_scope.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <sys/mman.h>

/* Address space, not memory. A tree larger than what is left falls back
 * to malloc and stays correct. */
#define REGION_BYTES ((gsize) 1 << 30)
/* Past this high-water mark an outermost scope's end returns the pages
 * to the system, so one huge tree does not pin memory for the run. */
#define KEEP_BYTES ((gsize) 64 << 20)
#define ALIGN 16

typedef struct {
  char *base;
  gsize used, high;
  guint depth;
  gboolean unmappable; /* mmap failed once: malloc from then on */
} Region;

static _Thread_local Region region;

/* The region goes back when its thread ends (a thread that scored leaves
 * no gigabyte of address space behind). */
static void
region_unmap (gpointer base)
{
  munmap (base, REGION_BYTES);
}

static GPrivate region_owner = G_PRIVATE_INIT (region_unmap);

static void *
scope_malloc (size_t size)
{
  Region *r = &region;
  if (r->depth > 0 && r->base != NULL) {
    gsize need = (size + ALIGN - 1) & ~(gsize) (ALIGN - 1);
    if (need <= REGION_BYTES - r->used) {
      void *p = r->base + r->used;
      r->used += need;
      if (r->used > r->high)
        r->high = r->used;
      return p;
    }
  }
  return malloc (size);
}

static void
scope_free (void *p)
{
  const Region *r = &region;
  if (r->base != NULL && (char *) p >= r->base
      && (char *) p < r->base + REGION_BYTES)
    return;
  free (p);
}

static gsize
install_hooks (gpointer unused)
{
  cJSON_Hooks hooks = { scope_malloc, scope_free };
  cJSON_InitHooks (&hooks);
  return 1;
}

void
cjson_scope_install (void)
{
  static gsize done = 0;
  if (g_once_init_enter (&done))
    g_once_init_leave (&done, install_hooks (NULL));
}

CjsonScope
cjson_scope_begin (void)
{
  cjson_scope_install ();
  Region *r = &region;
  if (r->base == NULL && !r->unmappable) {
    void *p = mmap (NULL, REGION_BYTES, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    /* No region (ulimit -v, strict overcommit): every allocation takes
     * the malloc path, so callers must still cJSON_Delete what they
     * build; it costs nothing when the region serves. */
    r->unmappable = p == MAP_FAILED;
    r->base = p == MAP_FAILED ? NULL : p;
    if (r->base != NULL)
      g_private_set (&region_owner, r->base);
  }
  r->depth++;
  return (CjsonScope) { r->used };
}

void
cjson_scope_end (CjsonScope s)
{
  Region *r = &region;
  g_return_if_fail (r->depth > 0 && s.mark <= r->used);
  r->depth--;
  r->used = s.mark;
  if (r->depth == 0 && r->high > KEEP_BYTES && r->base != NULL) {
    (void) madvise (r->base, r->high, MADV_DONTNEED);
    r->high = 0;
  }
}

gsize
cjson_scope_used (void)
{
  return region.used;
}
