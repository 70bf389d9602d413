/* The coin profile's draws: whether an answer is right, with probability
 * p, independently for every time a question is asked — an assistant
 * whose verdict flips from run to run (issue 15: repeated questions,
 * pass^k). A draw depends only on the seed, the question's text and how
 * many times that text was asked before, so a run's draws are the same
 * whatever order its requests arrive in. Thread-safe. */
#ifndef MOCK_COIN_H
#define MOCK_COIN_H

#include <glib.h>

typedef struct _MockCoin MockCoin;

/* p in [0, 1]. */
MockCoin *mock_coin_new (guint64 seed, double p);
void mock_coin_free (MockCoin *c); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockCoin, mock_coin_free)

/* TRUE (right) with probability p for the n-th asking of question. The
 * counts are kept for at most MOCK_COIN_TEXTS texts; past that they start
 * again (a test asks far fewer). */
#define MOCK_COIN_TEXTS 1000000
gboolean mock_coin_right (MockCoin *c, const char *question);

#endif
