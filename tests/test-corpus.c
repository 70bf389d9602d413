/* The judge against careful human graders: the realistic corpus
 * (tests/golden/realistic/, long answers written as assistants answer,
 * with the verdict a careful grader gives), a second corpus written
 * apart from it (tests/golden/realistic2/) and the held-out corpus
 * (tests/golden/holdout/, written by someone who never saw the judge).
 * Each corpus file: a {"topics": …} line, {"key": NAME, "item": ITEM}
 * lines, {"case", "key", "answer", "correct", "why", …} lines (formats in
 * the folders' READMEs). A test asserts the share of cases where the
 * judge's `correct` equals the grader's and lists every disagreement.
 *
 * A file is judged as a contest judges it: inside the question set its
 * items came from (their "source" names the practice file), so the
 * figures that set keys for a topic are known to the refusal rule, as
 * they are to `vabench run` and `check-answer --set`.
 *
 * `test-corpus --summary DIR…` prints the agreement per folder for
 * `make bench` instead of running tests. */
#include "scoring/judge.h"
#include "util/jsonl.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  char *dir;
  guint cases, agree, off_cases, off_found, off_false;
  GString *disagreements;
} Corpus;

typedef struct {
  Corpus *c;
  const char *file;
  JudgeTopics *topics;
  JudgeCompiler *jc;
  GHashTable *keys; /* name → JudgeKey* */
  GHashTable *sets; /* the practice files its items came from */
  gboolean learned; /* their figures are known to the topics */
} FileState;

/* practice file → its items (cJSON*), read once */
static GHashTable *practice_sets;

static gboolean
keep_item (cJSON *obj, guint line, gpointer user, GError **error)
{
  (void) line;
  (void) error;
  if (cJSON_IsString (cJSON_GetObjectItem (obj, "topic"))
      && cJSON_GetObjectItem (obj, "facts") != NULL)
    g_ptr_array_add (user, cJSON_Duplicate (obj, TRUE));
  return TRUE;
}

static GPtrArray *
practice_items (const char *path)
{
  if (practice_sets == NULL)
    practice_sets = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *items = g_hash_table_lookup (practice_sets, path);
  if (items != NULL)
    return items;
  items = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  if (!jsonl_read_file (path, keep_item, items, NULL, &error))
    g_error ("%s", error->message);
  g_hash_table_insert (practice_sets, g_strdup (path), items);
  return items;
}

/* "testsets/practice/ict.jsonl: ict-012; …" → "testsets/practice/ict.jsonl" */
static void
note_set (FileState *fs, const cJSON *item)
{
  const char *src = cJSON_GetStringValue (cJSON_GetObjectItem (item,
                                                               "source"));
  const char *colon = src ? strstr (src, ".jsonl: ") : NULL;
  if (colon != NULL && g_str_has_prefix (src, "testsets/"))
    g_hash_table_add (fs->sets, g_strndup (src, colon + 6 - src));
}

static JudgeKey *
key_of (FileState *fs, const cJSON *item, GError **error)
{
  const char *kind = cJSON_GetStringValue (cJSON_GetObjectItem (item, "kind"));
  JudgeKey *k = judge_key_compile (fs->jc, kind,
                                   cJSON_GetObjectItem (item, "facts"),
                                   cJSON_GetObjectItem (item, "forbid"),
                                   cJSON_GetObjectItem (item, "choices"),
                                   error);
  if (k == NULL)
    return NULL;
  judge_key_set_question (k, cJSON_GetStringValue (cJSON_GetObjectItem (
                                 item, "question")));
  judge_key_set_as_of (k, cJSON_GetStringValue (cJSON_GetObjectItem (
                              item, "valid_as_of")));
  const cJSON *topic = cJSON_GetObjectItem (item, "topic");
  const char *id = cJSON_GetStringValue (topic);
  if (cJSON_IsObject (topic)) {
    if (!judge_topics_add (fs->topics, NULL, topic, error)) {
      judge_key_free (k);
      return NULL;
    }
    id = cJSON_GetStringValue (cJSON_GetObjectItem (topic, "id"));
  }
  if (id && !judge_key_set_topic (k, fs->topics, id, error)) {
    judge_key_free (k);
    return NULL;
  }
  return k;
}

/* What the sets key for the file's topics, learned by compiling each of
 * their items of those topics (judge_key_set_topic learns its figures). */
static void
learn_sets (FileState *fs)
{
  GHashTableIter it;
  gpointer path;
  g_hash_table_iter_init (&it, fs->sets);
  while (g_hash_table_iter_next (&it, &path, NULL)) {
    GPtrArray *items = practice_items (path);
    for (guint i = 0; i < items->len; i++) {
      const char *topic = cJSON_GetStringValue (
          cJSON_GetObjectItem (items->pdata[i], "topic"));
      if (!judge_topics_has (fs->topics, topic))
        continue;
      g_autoptr (GError) error = NULL;
      JudgeKey *k = key_of (fs, items->pdata[i], &error);
      if (k == NULL)
        g_error ("%s: %s", (char *) path, error->message);
      judge_key_free (k);
    }
  }
  fs->learned = TRUE;
}

static void
judge_case (FileState *fs, const cJSON *obj, guint line)
{
  Corpus *c = fs->c;
  if (!fs->learned)
    learn_sets (fs);
  const char *name = cJSON_GetStringValue (cJSON_GetObjectItem (obj, "key"));
  const JudgeKey *key = name ? g_hash_table_lookup (fs->keys, name) : NULL;
  if (key == NULL)
    g_error ("%s:%u: unknown key \"%s\"", fs->file, line, name);
  const char *answer = cJSON_GetStringValue (cJSON_GetObjectItem (obj,
                                                                  "answer"));
  gboolean want = cJSON_IsTrue (cJSON_GetObjectItem (obj, "correct"));
  gboolean off = cJSON_IsTrue (cJSON_GetObjectItem (obj, "off_topic"));
  g_autoptr (GString) line_out = g_string_new (NULL);
  JudgeTotals t;
  judge_answer_append (key, answer, line_out, &t);
  /* every judgement, to compare a faster judge with the one before */
  if (g_getenv ("CORPUS_DUMP"))
    printf ("%s:%u %s\n", fs->file, line, line_out->str);
  c->cases++;
  c->agree += t.correct == want;
  c->off_cases += off;
  c->off_found += off && t.off_topic;
  c->off_false += !off && t.off_topic;
  if (off != t.off_topic && t.correct == want)
    g_string_append_printf (c->disagreements, "%s:%u: off-topic: grader %s, "
                            "judge %s — %s\n", fs->file, line,
                            off ? "yes" : "no", t.off_topic ? "yes" : "no",
                            cJSON_GetStringValue (cJSON_GetObjectItem (obj,
                                                                       "case")));
  if (t.correct == want)
    return;
  g_autoptr (cJSON) j = cJSON_Parse (line_out->str);
  g_autofree char *brief = NULL;
  GString *b = g_string_new (NULL);
  const cJSON *f;
  cJSON_ArrayForEach (f, cJSON_GetObjectItem (j, "facts"))
    g_string_append_printf (b, " [%s %s: %s]",
                            cJSON_GetStringValue (cJSON_GetObjectItem (f, "type")),
                            cJSON_GetStringValue (cJSON_GetObjectItem (f, "status")),
                            cJSON_GetStringValue (cJSON_GetObjectItem (f, "reason")));
  cJSON_ArrayForEach (f, cJSON_GetObjectItem (j, "forbid"))
    g_string_append_printf (b, " [forbid: %s]",
                            cJSON_GetStringValue (cJSON_GetObjectItem (f, "span")));
  const cJSON *ot = cJSON_GetObjectItem (j, "off_topic");
  if (cJSON_IsObject (ot))
    g_string_append_printf (b, " [off topic: %s]",
                            cJSON_GetStringValue (cJSON_GetObjectItem (ot, "reason")));
  brief = g_string_free (b, FALSE);
  g_string_append_printf (c->disagreements, "%s:%u: grader %s, judge %s — %s;%s\n",
                          fs->file, line, want ? "correct" : "wrong",
                          t.correct ? "correct" : "wrong",
                          cJSON_GetStringValue (cJSON_GetObjectItem (obj, "case")),
                          brief);
}

static gboolean
read_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  FileState *fs = user;
  const cJSON *topics = cJSON_GetObjectItem (obj, "topics");
  if (topics != NULL)
    return judge_topics_read (fs->topics, topics, error);
  if (cJSON_GetObjectItem (obj, "case") != NULL) {
    judge_case (fs, obj, line);
    return TRUE;
  }
  const char *name = cJSON_GetStringValue (cJSON_GetObjectItem (obj, "key"));
  if (name == NULL)
    return TRUE; /* a comment */
  note_set (fs, cJSON_GetObjectItem (obj, "item"));
  JudgeKey *k = key_of (fs, cJSON_GetObjectItem (obj, "item"), error);
  if (k == NULL) {
    g_prefix_error (error, "%s:%u: key \"%s\": ", fs->file, line, name);
    return FALSE;
  }
  g_hash_table_replace (fs->keys, g_strdup (name), k);
  return TRUE;
}

static gboolean
corpus_run (Corpus *c, GError **error)
{
  g_autoptr (GDir) d = g_dir_open (c->dir, 0, error);
  if (d == NULL)
    return FALSE;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *n;
  while ((n = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (n, ".jsonl"))
      g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++) {
    g_autofree char *path = g_build_filename (c->dir, names->pdata[i], NULL);
    FileState fs = {c, path, judge_topics_new (), judge_compiler_new (),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) judge_key_free),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           NULL),
                    FALSE};
    gboolean ok = jsonl_read_file (path, read_line, &fs, NULL, error);
    g_hash_table_unref (fs.keys);
    g_hash_table_unref (fs.sets);
    judge_compiler_free (fs.jc);
    judge_topics_unref (fs.topics);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

static double
share (const Corpus *c)
{
  return c->cases ? (double) c->agree / c->cases : 0;
}

/* A graders' corpus: the judge must agree on 97% of its cases. */
static void
check_corpus_share (const char *dir, double least)
{
  Corpus c = {(char *) dir, 0, 0, 0, 0, 0, g_string_new (NULL)};
  g_autoptr (GError) error = NULL;
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR)) {
    g_test_skip ("corpus folder missing");
    g_string_free (c.disagreements, TRUE);
    return;
  }
  if (!corpus_run (&c, &error))
    g_error ("%s", error->message);
  g_test_message ("%s: %u/%u cases agree (%.1f%%); off-topic found %u/%u, "
                  "%u falsely", dir, c.agree, c.cases, 100 * share (&c),
                  c.off_found, c.off_cases, c.off_false);
  if (c.disagreements->len)
    g_test_message ("disagreements:\n%s", c.disagreements->str);
  g_assert_cmpuint (c.cases, >, 0);
  g_assert_cmpfloat (share (&c), >=, least);
  g_string_free (c.disagreements, TRUE);
}

static void
check_corpus (gconstpointer data)
{
  check_corpus_share (data, 0.97);
}

/* realistic4 still has misses the judge cannot read yet (README): its
 * floor sits below the others' */
static void
check_corpus_95 (gconstpointer data)
{
  check_corpus_share (data, 0.95);
}

/* the long-answer corpora (realistic8 and after, 1,200–3,800
 * characters), measured once unseen at 76–86 %: the judge's weakest
 * ground, with floors to match */
static void
check_corpus_75 (gconstpointer data)
{
  check_corpus_share (data, 0.75);
}

static void
check_corpus_85 (gconstpointer data)
{
  check_corpus_share (data, 0.85);
}

static void
check_corpus_90 (gconstpointer data)
{
  check_corpus_share (data, 0.90);
}

static void
check_corpus_92 (gconstpointer data)
{
  check_corpus_share (data, 0.92);
}

/* Key strictness: every case must agree, as golden judgements do. */
static void
check_golden_corpus (gconstpointer data)
{
  check_corpus_share (data, 1.0);
}

static int
summary (int argc, char **argv)
{
  for (int i = 2; i < argc; i++) {
    Corpus c = {argv[i], 0, 0, 0, 0, 0, g_string_new (NULL)};
    g_autoptr (GError) error = NULL;
    if (!corpus_run (&c, &error)) {
      fprintf (stderr, "test-corpus: %s\n", error->message);
      return 2;
    }
    printf ("%s: %u of %u cases agree with the grader (%.1f%%); off-topic "
            "answers found %u of %u, %u flagged wrongly\n", argv[i], c.agree,
            c.cases, 100 * share (&c), c.off_found, c.off_cases, c.off_false);
    if (g_getenv ("CORPUS_VERBOSE"))
      fputs (c.disagreements->str, stdout);
    g_string_free (c.disagreements, TRUE);
  }
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "--summary") == 0)
    return summary (argc, argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/corpus/realistic", "tests/golden/realistic",
                        check_corpus);
  /* written apart from the first, by a grader who saw neither the judge
   * nor the first corpus's answers */
  g_test_add_data_func ("/corpus/realistic2", "tests/golden/realistic2",
                        check_corpus);
  /* a third, written by another grader who saw neither the judge nor the
   * other corpora; measured once before any tuning at 90.0 % (README) */
  g_test_add_data_func ("/corpus/realistic3", "tests/golden/realistic3",
                        check_corpus);
  /* held out until the judge's last change, then measured once: 88.3 % */
  g_test_add_data_func ("/corpus/holdout", "tests/golden/holdout",
                        check_corpus);
  /* two more written apart, first measured at 87.5 % and 91.2 % */
  g_test_add_data_func ("/corpus/realistic4", "tests/golden/realistic4",
                        check_corpus_95);
  g_test_add_data_func ("/corpus/realistic5", "tests/golden/realistic5",
                        check_corpus);
  /* a sixth, kept from the judge until its tuning was over: 93.0 % the
   * first time (the session-start judge: 89.0 %) */
  g_test_add_data_func ("/corpus/realistic6", "tests/golden/realistic6",
                        check_corpus_95);
  /* a seventh, short answers in new styles (speech transcripts, JSON,
   * comparisons), run once unseen at 91.4 % */
  g_test_add_data_func ("/corpus/realistic7", "tests/golden/realistic7",
                        check_corpus_95);
  /* an eighth, long portal, LLM and call-centre answers full of
   * distractors, run once unseen at 78.1 % */
  g_test_add_data_func ("/corpus/realistic8", "tests/golden/realistic8",
                        check_corpus_92);
  /* a ninth, long answers again (e-mail replies, Zalo OA, FAQ pages, per
   * channel and per case tables), run once unseen at 76.2 % */
  g_test_add_data_func ("/corpus/realistic9", "tests/golden/realistic9",
                        check_corpus_90);
  /* a tenth, new shapes (voice transcripts, self-corrections, old-vs-new
   * tables, bot key:value output), run once unseen at 85.8 % */
  g_test_add_data_func ("/corpus/realistic10", "tests/golden/realistic10",
                        check_corpus_95);
  /* an eleventh, retrieval assistants, portal bots with related
   * procedures, hedging LLM prose, run once unseen at 83.1 % */
  g_test_add_data_func ("/corpus/realistic11", "tests/golden/realistic11",
                        check_corpus_92);
  /* a twelfth, anticipated-question lists, clarify-then-answer bots,
   * agents correcting figures, teencode chat: run once unseen at 80.0 %,
   * the day's honest figure on long answers; 92.5 % after the rules drawn
   * from it */
  g_test_add_data_func ("/corpus/realistic12", "tests/golden/realistic12",
                        check_corpus_92);
  /* a thirteenth, multi-part answers, tables with case rows, footnotes
   * and quoted articles, comparisons, TL;DR that disagree with their
   * detail: run once unseen at 85.6 % */
  g_test_add_data_func ("/corpus/realistic13", "tests/golden/realistic13",
                        check_corpus_92);
  /* a fourteenth, HTML widgets, JSON-ish bot output, per-group figures,
   * multi-turn context, two procedures asked together: run once unseen
   * at 79.4 %, the honest figure on long answers in new shapes; 96.9 %
   * after the rules drawn from it */
  g_test_add_data_func ("/corpus/realistic14", "tests/golden/realistic14",
                        check_corpus_92);
  /* a fifteenth, voice transcripts, FAQ pages, plain-text tables,
   * checklists, corrected premises: run once unseen at 81.2 % (the
   * session-start judge too); 87.5 % after the rules drawn from it */
  g_test_add_data_func ("/corpus/realistic15", "tests/golden/realistic15",
                        check_corpus_85);
  /* a sixteenth, portal records pasted one after another, "common
   * mistakes" sections, chatbot menus, comparisons of years, lawyers'
   * columns: run once unseen at 78.1 % (the session-start judge too);
   * 90.6 % after the rules drawn from it and from realistic17 */
  g_test_add_data_func ("/corpus/realistic16", "tests/golden/realistic16",
                        check_corpus_85);
  /* a seventeenth, Zalo bubbles, RAG citations, YAML, two-tier answers,
   * spoken self-corrections: run once unseen at 85.6 % (the session-start
   * judge: 84.4 %); 90.6 % after the rules drawn from it */
  g_test_add_data_func ("/corpus/realistic17", "tests/golden/realistic17",
                        check_corpus_85);
  /* an eighteenth, clarify-then-answer, two situations' advice, corrected
   * bot turns, cost checklists, tweet threads, answers by elimination:
   * run once unseen at 82.5 % (the session-start judge: 81.9 %); 92.5 %
   * after the rules drawn from it and reviewed */
  g_test_add_data_func ("/corpus/realistic18", "tests/golden/realistic18",
                        check_corpus_85);
  /* a nineteenth, lawyers' and readers' columns, news quoting officials,
   * receipts, comment threads the page admin closes, transferred calls,
   * e-mails quoting the citizen, TL;DR endings, chats updated mid-way:
   * run once unseen at 73.1 % (the session-start judge: 71.9 %); 86.2 %
   * after the rules drawn from it and from realistic6–18 */
  g_test_add_data_func ("/corpus/realistic19", "tests/golden/realistic19",
                        check_corpus_85);
  /* a twentieth, agent traces, press conferences, CRM tickets, bilingual
   * columns, law-status lists, change logs, staff quizzes, podcasts: run
   * once unseen at 75.6 % (the session-start judge too); 81.2 % after the
   * rules drawn from it */
  g_test_add_data_func ("/corpus/realistic20", "tests/golden/realistic20",
                        check_corpus_75);
  /* a twenty-first, self-corrections, raw HTML, voice transcripts, myth
   * lists, visible reasoning, pasted retrieval snippets, drafts with a
   * reviewer's note, Q&A pages, CSV, timestamped updates: run once unseen
   * at 79.4 % (the session-start judge: 78.1 %); 88.1 % after the rules
   * drawn from it */
  g_test_add_data_func ("/corpus/realistic21", "tests/golden/realistic21",
                        check_corpus_75);
  /* a twenty-second, mind maps, IVR menus, quoted law text, streaming
   * artefacts, legislative history by stage, meeting minutes, two-level
   * tables, bulletins, human hand-off, quiz feedback: run once unseen at
   * 83.1 % (the session-start judge too); 91.9 % after the rules drawn
   * from it */
  g_test_add_data_func ("/corpus/realistic22", "tests/golden/realistic22",
                        check_corpus_75);
  /* a twenty-third, official reply letters, e-mail threads, side-by-side
   * comparisons, timelines, questions read two ways, fee calculators,
   * forum threads with a chosen reply, interviews, voice transcripts,
   * mnemonics, "did you mean" replies: run once unseen at 84.4 % (the
   * session-start judge too); 96.2 % after the rules drawn from it */
  g_test_add_data_func ("/corpus/realistic23", "tests/golden/realistic23",
                        check_corpus_75);
  /* a twenty-fourth, app screen walkthroughs, wizards, template replies,
   * glossaries, decision matrices, notice boards, review summaries,
   * lawyers' memos, interpreted exchanges, booking confirmations, service
   * charters, translations, changelogs, complaint replies: run once
   * unseen at 81.2 % (the session-start judge: 80.6 %); 91.2 % after the
   * rules drawn from it and realistic25 */
  g_test_add_data_func ("/corpus/realistic24", "tests/golden/realistic24",
                        check_corpus_75);
  /* a twenty-fifth, receipt slips, status pages, SSML, figures in words,
   * TL;DR boxes, scam warnings, clarifying exchanges, second-hand
   * reports, LaTeX, consultancy quotes, fee receipts, newsletters,
   * threads, internal chats, inspection records, confidence-annotated
   * answers, contract clauses, spreadsheets: run once unseen at 82.5 %
   * (the session-start judge: 81.9 %); 89.4 % after the rules drawn from
   * it */
  g_test_add_data_func ("/corpus/realistic25", "tests/golden/realistic25",
                        check_corpus_75);
  /* a twenty-sixth, OCR'd notices, strikethrough, ASCII calendars, verses,
   * leaflets, procedure cards, ditto marks, disclaimers, quoted messages,
   * policy diffs, processing logs, other countries' rules, lines in other
   * scripts, licensing decisions, surveys, help-desk scripts: run once
   * unseen at 85.6 % (the session-start judge: the same); 90.0 % after
   * the rules drawn from it */
  g_test_add_data_func ("/corpus/realistic26", "tests/golden/realistic26",
                        check_corpus_75);
  /* a twenty-seventh, officers' notes with illegible gaps, loudspeaker
   * announcements, diaries, Zalo group posts, easy-read pages,
   * transposed tables, day plans, letters home, callouts, board
   * resolutions, case studies, currency conversions, risk registers, API
   * documentation, officials' debates, analogies, score cards, training
   * modules: run once unseen at 87.5 % (the session-start judge) */
  g_test_add_data_func ("/corpus/realistic27", "tests/golden/realistic27",
                        check_corpus_75);
  /* a twenty-eighth, recipes, comic strips, directions, teen explainers,
   * Do/Don't tables, filled-in forms, open letters, job aids,
   * screen-reader answers, tender documents, SWOT, OKR sheets, PRDs,
   * journal entries, webinars, pitch notes, association summaries,
   * flashcards: run once unseen at 88.1 % (the session-start judge: the
   * same) */
  g_test_add_data_func ("/corpus/realistic28", "tests/golden/realistic28",
                        check_corpus_75);
  /* a twenty-ninth, VNeID notifications, journey maps, invitations,
   * obituaries, school notices, mailing labels, house rules, Southern
   * dialect, job postings, term sheets, ISO procedures, auto-replies,
   * RACI matrices, negotiations, cost–benefit tables, 4C audit findings,
   * app-store descriptions: run once unseen at 89.4 % (the session-start
   * judge: 90.0 %) */
  g_test_add_data_func ("/corpus/realistic29", "tests/golden/realistic29",
                        check_corpus_75);
  /* a thirtieth, grandparent chats, podcast notes, ward handbooks,
   * year-column tables, photo captions, red-pen homework, quiz shows,
   * wiki infoboxes, Tết greetings, Kanban boards, Gantt charts,
   * postmortems, LinkedIn posts, pricing tiers, Jira tickets, judgment
   * excerpts, due-diligence lists, bank loan pages: run once unseen at
   * 86.2 % (the session-start judge: 85.6 %) */
  g_test_add_data_func ("/corpus/realistic30", "tests/golden/realistic30",
                        check_corpus_75);
  /* a thirty-first, queue tickets, recalled messages, mediation records,
   * paperwork-service ads, opening hours, discharge handouts,
   * medicine-leaflet parodies, an elder's speech, crosswords, sprint
   * retrospectives, information disclosures, investor letters, correction
   * notices, decision records, map reviews, mystery-shopper reports,
   * mentoring notes, exam cheat sheets: run once unseen at 83.1 % (the
   * session-start judge: 82.5 %) */
  g_test_add_data_func ("/corpus/realistic31", "tests/golden/realistic31",
                        check_corpus_75);
  /* a thirty-second, almanac and weather-forecast parodies, a
   * commentator's play-by-play, audio guides, lost-and-found notices,
   * genealogy notes, document-box inventories, relocation guides,
   * dormitory check-in guides, audit findings, IRAC answers, pull-request
   * reviews, crowdfunding pages, booth brochures, talk abstracts,
   * textbook summaries, grant budgets, roadmaps: run once unseen at
   * 88.8 % (the session-start judge: 88.1 %) */
  g_test_add_data_func ("/corpus/realistic32", "tests/golden/realistic32",
                        check_corpus_75);
  /* a thirty-third, subtitles, text adventures, menu and boarding-pass
   * parodies, sticky notes, worksheets, board-game cards, hotel
   * directories, dictations, auction entries, league tables, market
   * reports, patent abstracts, licence agreements, escape-room sheets,
   * recommendation letters, earnings calls, hackathon rubrics: run once
   * unseen at 90.0 % (the session-start judge: 88.8 %) */
  g_test_add_data_func ("/corpus/realistic33", "tests/golden/realistic33",
                        check_corpus_75);
  /* thirty-fourth, two helpers, new shapes: radio call-ins, word-search
   * keys, train timetables, knitting patterns, Zalo polls, courier
   * tracking, karaoke sheets, picture books, fitness plans, arbitration
   * awards, stock tickers, conference agendas, release gates, customs
   * declarations, museum labels, chess annotations, telegrams, tasting
   * notes: run once unseen at 85.0 % (the session-start judge: 84.4 %) */
  g_test_add_data_func ("/corpus/realistic34", "tests/golden/realistic34",
                        check_corpus_75);
  /* thirty-fifth, two helpers, new shapes: kiosk cards, lottery
   * tickets, parent–teacher meetings, bus routes, horoscopes, laundry
   * labels, voicemails, cooking shows, ceremony programmes, job
   * interviews, comparison cards, audit notes, fire drills, translation
   * memories, itineraries, board agendas, NPS surveys, traffic reports:
   * run once unseen at 89.4 % (the session-start judge: 89.4 %) */
  g_test_add_data_func ("/corpus/realistic35", "tests/golden/realistic35",
                        check_corpus_75);
  /* a complete official answer and a plausible wrong one per practice key
   * (testsets/README.md "Key strictness") */
  g_test_add_data_func ("/corpus/keys", "tests/golden/keys", check_golden_corpus);
  return g_test_run ();
}
