/*
 * support_namespan.c: where a person's name runs in a line's words
 * (support_lines.h): the words that carry on a caption, the words of a
 * name (titles skipped), and the name's span after a caption. Used by the
 * label loop (support_fields.c) and the value search (support_labelval.c).
 */
#include "page/support_lines.h"

#include <ctype.h>
#include <string.h>

#include "base/text.h"

static bool in_list(const char *const *list, const char *s) {
  for (; *list; list++)
    if (strcmp(*list, s) == 0)
      return true;
  return false;
}

static const char *const titles[] = {
    "mr",  "mrs",    "ms",   "miss", "dr",   "herr",    "frau",
    "m",   "mme",    "mlle", "sr",   "sra",  "prof",    "sir",
    "sig", "sig ra", "dhr",  "mevr", "heer", "mevrouw", NULL};
static const char *const not_names[] = {
    "customer", "the",  "holder",  "named",  "in",      "our",  "records",
    "madam",    "whom", "it",      "may",    "concern", "born", "on",
    "date",     "of",   "and",     "has",    "is",      "was",  "who",
    "employed", "at",   "account", "number", "address", "sort", "code",
    "no",       "for",  "with",    "by",     "nee",     "ne",   "geboren",
    "am",       "le",   "la",      "el",     "de",      NULL};

/* Small words that join caption words ("titulaire du compte", "name of
 * holder"); name particles too, so taken only with a caption word after. */
static const char *const caption_joins[] = {
    "du", "des", "de", "del", "der", "of", "the", "y", "et", "and", NULL};

/* The words [a, j) that carry on a caption at a ("du compte"): none unless
 * a caption word is among them, the last of them a caption word. */
int ds_sup_caption_run(const ds_sup_text *t, int a, int b) {
  int end = a;
  for (int i = a; i < b; i++) {
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(t->w[i].text, f, sizeof f);
    if (ds_sup_caption_word(t->w[i].text))
      end = i + 1;
    else if (!in_list(caption_joins, f))
      break;
  }
  return end;
}

/* Is w a word of a name: letters (any script), hyphen, apostrophe, a
 * trailing period for an initial; not a title or a function word? 1: a
 * name word, 0: skip (a title), -1: stop. */
int ds_sup_name_word(const char *w, bool started) {
  char f[DS_SUP_WORD_MAX * 2];
  ds_text_fold(w, f, sizeof f);
  if (!f[0])
    return started ? -1 : 0;
  if (ds_sup_has_digit(w))
    return -1;
  for (const unsigned char *p = (const unsigned char *)w; *p; p++)
    if (*p < 0x80 && !isalpha(*p) && *p != '-' && *p != '\'' && *p != '.')
      return (*p == ',' && p[1] == 0) ? 1 : -1;
  if (in_list(titles, f))
    return started ? -1 : 0;
  if (in_list(not_names, f))
    return -1;
  return 1;
}

/* Is w a name word whose capital I was read as a small l: "loana" for
 * Ioana, "lon" for Ion (OCR's I/l confusion in sans-serif type, where the
 * two are one stroke)? A small l before a vowel, the rest in small letters,
 * three letters or more and no particle ("los", "las", "les"): no name is
 * printed starting with a small l. */
bool ds_sup_l_for_capital_i(const char *w) {
  static const char *const particles[] = {"los", "las", "les", "lo", "la",
                                          "le", "lui", "leur", NULL};
  if (!w || w[0] != 'l' || !w[1] || !strchr("aeiouy", w[1]))
    return false;
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)w; *p; p++, n++)
    if (*p < 0x80 && !islower(*p) && *p != '-' && *p != '\'')
      return false;
  char f[DS_SUP_WORD_MAX * 2];
  ds_text_fold(w, f, sizeof f);
  return n >= 3 && !in_list(particles, f);
}

void ds_sup_name_fix_l(char *value) {
  for (char *p = value; p && *p;) {
    size_t l = strcspn(p, " ");
    char w[DS_SUP_WORD_MAX];
    if (l < sizeof w) {
      memcpy(w, p, l);
      w[l] = 0;
      if (ds_sup_l_for_capital_i(w))
        *p = 'I';
    }
    p += l;
    p += strspn(p, " ");
  }
}

/* Word i a capital, or a small l read for one (ds_sup_l_for_capital_i)
 * standing alone before the end of [a, b), a column gap or the line's end:
 * a box's value, not a sentence's word ("let the rooms" after a caption). */
static bool capital_at(const ds_sup_text *t, int i, int b) {
  unsigned char c = (unsigned char)t->w[i].text[0];
  if (c >= 0x80 || isupper(c))
    return true;
  if (!ds_sup_l_for_capital_i(t->w[i].text))
    return false;
  if (i + 1 >= b || t->w[i + 1].line != t->w[i].line)
    return true;
  const int *q = t->w[i].box, *r = t->w[i + 1].box;
  return r[0] - (q[0] + q[2]) > q[3] * 5 / 2;
}

/* The name in words [a, b): the run of name words from the first (titles
 * skipped), at most 6. */
ds_sup_span ds_sup_name_span(const ds_sup_text *t, int a, int b) {
  a = ds_sup_caption_run(t, a, b);
  while (a < b && !ds_sup_has_alnum(t->w[a].text))
    a++; /* a box's side read as "|" before it */
  ds_sup_span s = {a, a};
  bool started = false;
  for (int i = a; i < b; i++) {
    int r = ds_sup_caption_word(t->w[i].text)
                ? -1
                : ds_sup_name_word(t->w[i].text, started);
    if (r < 0)
      break;
    if (r == 0)
      continue;
    /* After two words, one read below 30 is no part of the name: marks
     * beside it (a photo's edge, a stamp) read as letters ("RODRIGO
     * CONCEIÇÃO KR", KR at 16). */
    if (started && s.b - s.a >= 2 && t->w[i].conf < 30.0f)
      break;
    if (!started)
      s.a = i;
    started = true;
    s.b = i + 1;
    if (s.b - s.a >= 6)
      break;
    /* "Anna Müller," ends at its comma; "MÜLLER, Anna" (the surname
     * first) goes on. */
    size_t l = strlen(t->w[i].text);
    if (l && t->w[i].text[l - 1] == ',' && s.b - s.a > 1)
      break;
  }
  if (!started)
    s.b = s.a;
  /* A name ends with a word of capitals: words in lower case after it
   * are the sentence going on ("Grace Novak bei uns das ...", "Emily Rose
   * Hansen holds ..."); particles stay inside ("Ludwig van Beethoven"). */
  while (s.b - s.a > 1 && islower((unsigned char)t->w[s.b - 1].text[0]) &&
         !capital_at(t, s.b - 1, b))
    s.b--;
  /* A name is printed with capitals: words all in lower case are running
   * text after a label's word ("... tenant last the ..."), not a name. */
  bool capital = false;
  for (int i = s.a; i < s.b && !capital; i++)
    capital = capital_at(t, i, b);
  if (!capital)
    s.b = s.a;
  return s;
}

bool ds_sup_title_word(const char *folded) { return in_list(titles, folded); }
