/*
 * support_words.c: caption words, the words field labels are made of
 * (support.h, ds_sup_caption_word).
 */
#include <string.h>

#include "base/text.h"
#include "page/support.h"

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

/* Caption words: the words of field labels in English, German, French and
 * Spanish (folded). A label is never the holder's name: a caption printed
 * on two lines or read past its end ("Titulaire du compte" read as the
 * label "titulaire" and the name "du compte") is skipped, and a name stops
 * at one. */
static const char *const caption_words[] = {
    /* English */
    "name", "names", "surname", "forename", "forenames", "given", "holder", "account",
    "customer", "employee", "tenant", "applicant", "child", "father", "mother", "spouse",
    "husband", "wife", "full", "birth", "place", "address", "number", "signature",
    "occupation", "nationality",
    /* German */
    "vorname", "vornamen", "familienname", "nachname", "geburtsname", "inhaber",
    "kontoinhaber", "konto", "mieter", "vermieter", "arbeitnehmer", "geburtsdatum",
    "geburtsort", "anschrift", "datum", "unterschrift", "ehegatte", "kindes",
    /* French */
    "nom", "noms", "prenom", "prenoms", "titulaire", "compte", "client", "salarie",
    "locataire", "bailleur", "naissance", "adresse", "epoux", "epouse", "enfant",
    /* Spanish */
    "nombre", "nombres", "apellido", "apellidos", "titular", "cuenta", "cliente", "empleado",
    "arrendatario", "arrendador", "nacimiento", "domicilio", "fecha", "firma", "contrayente",
    NULL};

bool ds_sup_caption_word(const char *w)
{
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(w, f, sizeof f); /* "Prénom(s)" -> "prenom s" */
    char *sp = strchr(f, ' ');
    if (sp)
        *sp = 0;
    size_t l = strlen(f);
    if (l < 2)
        return false;
    if (in_list(caption_words, f))
        return true;
    if (f[l - 1] != 's')
        return false;
    f[l - 1] = 0; /* "Names" */
    return in_list(caption_words, f);
}

