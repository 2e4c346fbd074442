/*
 * support_words.c: the field labels of supporting pages (support_labels.h)
 * and caption words, the words labels are made of (support.h,
 * ds_sup_caption_word), with the words of other fields' captions
 * (ds_sup_form_word): the one vocabulary of captions the page reader and
 * the checks (check/supcheck.c) share.
 */
#include <string.h>

#include "base/text.h"
#include "page/support.h"
#include "page/support_labels.h"

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
    "occupation", "nationality", "party", "lessee", "lessor", "occupier", "student", "award",
    "entry", "disclosure", "certified", "premises", "residence", "pupil", "candidate", "guardian",
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
    "conyuge",
    /* Italian */
    "cognome", "nome", "intestatario", "dipendente", "conduttore", "locatore", "indirizzo",
    "nascita", "coniuge", "luogo", "data",
    /* Portuguese */
    "apelidos", "nomes", "proprios", "trabalhador", "senhorio",
    "morada", "nascimento", "naturalidade", "conjuge",
    /* Dutch */
    "geslachtsnaam", "achternaam", "voornaam", "voornamen", "naam", "rekeninghouder", "werknemer",
    "huurder", "verhuurder", "adres", "geboortedatum", "geboorteplaats", "echtgenoot",
    /* Polish, Romanian, Turkish: an original's captions printed over the
     * English ("Soyadı / Surname", "Nume / Surname", "Nazwisko") */
    "nazwisko", "imie", "imiona", "urodzenia", "nume", "prenume", "nasterii", "soyadi", "adi",
    "dogum", "tarihi", "yeri", "cinsiyeti", "kayit", "verilis",
    NULL};

/* Words of other fields' captions on a form (folded), no caption words:
 * a name does not stop at them, but no person's name holds them
 * (ds_sup_form_word). */
static const char *const form_words[] = {
    "middle", "tax", "contact", "amount", "due", "total", "period", "code", "telephone",
    "phone", "reference", "balance", "date", "details", "charge", "payments", "deductions",
    "sex", "registrar", "officer", "authorised", "register", "issue", "employer", "copy",
    "betrag", "importe", "telefon", "telefono", "registro", "registered", "registration", "when",
    "where", NULL};

bool ds_sup_caption_word(const char *w)
{
    if (!w)
        return false;
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

bool ds_sup_form_word(const char *w)
{
    if (!w)
        return false;
    if (ds_sup_caption_word(w))
        return true;
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(w, f, sizeof f);
    char *sp = strchr(f, ' ');
    if (sp)
        *sp = 0;
    return in_list(form_words, f);
}

bool ds_sup_company_word(const char *w)
{
    /* Legal forms of companies, their dots dropped ("S.A.", "GmbH"). */
    static const char *const forms[] = {
        "ltd", "limited", "plc", "inc", "llc", "llp", "corp", "corporation", "gmbh", "ag",
        "kg", "ohg", "sarl", "sas", "sa", "sl", "slu", "bv", "nv", "srl", "spa", NULL};
    if (!w)
        return false;
    char f[DS_SUP_WORD_MAX * 2], g[DS_SUP_WORD_MAX * 2];
    ds_text_fold(w, f, sizeof f); /* "S.A." -> "s a " */
    size_t k = 0;
    for (const char *p = f; *p && k + 1 < sizeof g; p++)
        if (*p != ' ')
            g[k++] = *p;
    g[k] = 0;
    return in_list(forms, g);
}

bool ds_sup_office_word(const char *w)
{
    static const char *const offices[] = {
        "standesamt", "registry", "office", "council", "ministry", "ministerium", "department",
        "agency", "bureau", "authority", "university", "universitat", "universite", "universidad",
        "college", "school", "hospital", "mairie", "ayuntamiento", "prefecture", "gemeinde",
        "police", "polizei", "gericht", "amtsgericht", NULL};
    if (!w)
        return false;
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(w, f, sizeof f);
    size_t n = strlen(f);
    while (n && f[n - 1] == ' ')
        f[--n] = 0;
    if (in_list(offices, f))
        return true;
    /* German offices: "Standesamt", "Finanzamt", "Einwohnermeldeamt",
     * "Ausländerbehörde". */
    return (n >= 8 && strcmp(f + n - 3, "amt") == 0) ||
           (n >= 10 && strcmp(f + n - 7, "behorde") == 0);
}

/* Longer phrases first where one begins another ("name of father" before
 * "name"): the first label matching at a position wins. */
const label ds_sup_labels[] = {
    /* other people named on certificates */
    {"name of father", DS_SF_OTHER_NAME, K_NAME},
    {"name of mother", DS_SF_OTHER_NAME, K_NAME},
    /* a school's or an office's form: "Father's / Guardian's name" */
    {"father s guardian s name", DS_SF_OTHER_NAME, K_NAME},
    {"father s guardian name", DS_SF_OTHER_NAME, K_NAME},
    {"parent s guardian s name", DS_SF_OTHER_NAME, K_NAME},
    {"parent guardian name", DS_SF_OTHER_NAME, K_NAME},
    {"guardian s name", DS_SF_OTHER_NAME, K_NAME},
    {"name of guardian", DS_SF_OTHER_NAME, K_NAME},
    {"father s name", DS_SF_OTHER_NAME, K_NAME},
    {"mother s name", DS_SF_OTHER_NAME, K_NAME},
    {"father", DS_SF_OTHER_NAME, K_NAME},
    {"mother", DS_SF_OTHER_NAME, K_NAME},
    {"vater", DS_SF_OTHER_NAME, K_NAME},
    {"mutter", DS_SF_OTHER_NAME, K_NAME},
    {"pere", DS_SF_OTHER_NAME, K_NAME},
    {"mere", DS_SF_OTHER_NAME, K_NAME},
    {"wife", DS_SF_OTHER_NAME, K_NAME},
    {"bride", DS_SF_OTHER_NAME, K_NAME},
    {"spouse 2", DS_SF_OTHER_NAME, K_NAME},
    {"ehefrau", DS_SF_OTHER_NAME, K_NAME},
    {"epouse", DS_SF_OTHER_NAME, K_NAME},
    {"padre", DS_SF_OTHER_NAME, K_NAME},
    {"madre", DS_SF_OTHER_NAME, K_NAME},
    {"pai", DS_SF_OTHER_NAME, K_NAME},
    {"mae", DS_SF_OTHER_NAME, K_NAME},
    {"vader", DS_SF_OTHER_NAME, K_NAME},
    {"moeder", DS_SF_OTHER_NAME, K_NAME},
    {"secondo coniuge", DS_SF_OTHER_NAME, K_NAME},
    {"segundo conjuge", DS_SF_OTHER_NAME, K_NAME},
    {"second epoux", DS_SF_OTHER_NAME, K_NAME},
    {"second spouse", DS_SF_OTHER_NAME, K_NAME},
    {"echtgenoot 2", DS_SF_OTHER_NAME, K_NAME},
    {"primo coniuge", DS_SF_NAME, K_NAME},
    {"primeiro conjuge", DS_SF_NAME, K_NAME},
    {"premier epoux", DS_SF_NAME, K_NAME},
    {"first spouse", DS_SF_NAME, K_NAME},
    {"echtgenoot 1", DS_SF_NAME, K_NAME},
    /* the person the page is about */
    {"second party", DS_SF_OTHER_NAME, K_NAME},
    {"party 2", DS_SF_OTHER_NAME, K_NAME},
    {"partner 2", DS_SF_OTHER_NAME, K_NAME},
    {"husband", DS_SF_NAME, K_NAME},
    {"groom", DS_SF_NAME, K_NAME},
    {"spouse 1", DS_SF_NAME, K_NAME},
    /* a spouse's caption without a number ("Spouse", "Cónyuge",
     * "Ehegatte"): either party of the entry, printed once for each */
    {"spouse", DS_SF_OTHER_NAME, K_NAME},
    {"conyuge", DS_SF_OTHER_NAME, K_NAME},
    {"ehegatte", DS_SF_OTHER_NAME, K_NAME},
    {"ehegattin", DS_SF_OTHER_NAME, K_NAME},
    {"conjoint", DS_SF_OTHER_NAME, K_NAME},
    {"ehemann", DS_SF_NAME, K_NAME},
    {"epoux", DS_SF_NAME, K_NAME},
    {"name of child", DS_SF_NAME, K_NAME},
    {"child s name", DS_SF_NAME, K_NAME},
    /* a school's or an examination board's holder */
    {"name of the pupil", DS_SF_NAME, K_NAME},
    {"name of pupil", DS_SF_NAME, K_NAME},
    {"pupil s name", DS_SF_NAME, K_NAME},
    {"name of the student", DS_SF_NAME, K_NAME},
    {"name of student", DS_SF_NAME, K_NAME},
    {"student s name", DS_SF_NAME, K_NAME},
    {"name of the candidate", DS_SF_NAME, K_NAME},
    {"candidate s name", DS_SF_NAME, K_NAME},
    {"name des kindes", DS_SF_NAME, K_NAME},
    {"nom de l enfant", DS_SF_NAME, K_NAME},
    {"this is to certify that", DS_SF_NAME, K_NAME},
    {"we certify that", DS_SF_NAME, K_NAME},
    {"we confirm that", DS_SF_NAME, K_NAME},
    {"confirm that", DS_SF_NAME, K_NAME},
    {"certify that", DS_SF_NAME, K_NAME},
    {"certifica que", DS_SF_NAME, K_NAME},
    {"certificamos que", DS_SF_NAME, K_NAME},
    {"hace constar que", DS_SF_NAME, K_NAME},
    {"hacemos constar que", DS_SF_NAME, K_NAME},
    {"certifie que", DS_SF_NAME, K_NAME},
    {"certifions que", DS_SF_NAME, K_NAME},
    {"atteste que", DS_SF_NAME, K_NAME},
    {"attestons que", DS_SF_NAME, K_NAME},
    {"bestatigt dass", DS_SF_NAME, K_NAME},
    {"bestatigen wir dass", DS_SF_NAME, K_NAME},
    {"bescheinigt dass", DS_SF_NAME, K_NAME},
    {"bescheinigen wir dass", DS_SF_NAME, K_NAME},
    {"si attesta che", DS_SF_NAME, K_NAME},
    {"si certifica che", DS_SF_NAME, K_NAME},
    {"attesta che", DS_SF_NAME, K_NAME},
    {"certifica se que", DS_SF_NAME, K_NAME},
    {"known that", DS_SF_NAME, K_NAME},
    {"liable person", DS_SF_NAME, K_NAME},
    {"liable party", DS_SF_NAME, K_NAME},
    {"taxpayer", DS_SF_NAME, K_NAME},
    {"bill payer", DS_SF_NAME, K_NAME},
    {"account holder", DS_SF_NAME, K_NAME},
    {"account name", DS_SF_NAME, K_NAME},
    {"customer name", DS_SF_NAME, K_NAME},
    {"employee name", DS_SF_NAME, K_NAME},
    {"name of employee", DS_SF_NAME, K_NAME},
    {"name of holder", DS_SF_NAME, K_NAME},
    {"full name", DS_SF_NAME, K_NAME},
    {"awarded to", DS_SF_NAME, K_NAME},
    {"conferred upon", DS_SF_NAME, K_NAME},
    {"first party", DS_SF_NAME, K_NAME},
    {"party 1", DS_SF_NAME, K_NAME},
    {"partner 1", DS_SF_NAME, K_NAME},
    {"lessee", DS_SF_NAME, K_NAME},
    {"occupier", DS_SF_NAME, K_NAME},
    {"tenant", DS_SF_NAME, K_NAME},
    {"employee", DS_SF_NAME, K_NAME},
    {"applicant", DS_SF_NAME, K_NAME},
    /* The person a receipt, a certificate or a card is for, in other
     * words than "name". */
    {"received from", DS_SF_NAME, K_NAME},
    {"received with thanks from", DS_SF_NAME, K_NAME},
    {"in favour of", DS_SF_NAME, K_NAME},
    {"in favor of", DS_SF_NAME, K_NAME},
    {"issued to", DS_SF_NAME, K_NAME},
    {"name of student", DS_SF_NAME, K_NAME},
    {"student name", DS_SF_NAME, K_NAME},
    {"name of pupil", DS_SF_NAME, K_NAME},
    {"recibi de", DS_SF_NAME, K_NAME},
    {"recibimos de", DS_SF_NAME, K_NAME},
    {"recebi de", DS_SF_NAME, K_NAME},
    {"recebemos de", DS_SF_NAME, K_NAME},
    {"a favor de", DS_SF_NAME, K_NAME},
    {"em favor de", DS_SF_NAME, K_NAME},
    {"erhalten von", DS_SF_NAME, K_NAME},
    {"recu de", DS_SF_NAME, K_NAME},
    {"in the name of", DS_SF_NAME, K_NAME},
    {"em nome de", DS_SF_NAME, K_NAME},
    {"en nombre de", DS_SF_NAME, K_NAME},
    {"a nombre de", DS_SF_NAME, K_NAME},
    {"au nom de", DS_SF_NAME, K_NAME},
    {"mieter familienname", DS_SF_NAME, K_SURNAME},
    {"locataire nom", DS_SF_NAME, K_SURNAME},
    {"arrendatario apellidos", DS_SF_NAME, K_SURNAME},
    {"kontoinhaber", DS_SF_NAME, K_NAME},
    {"arbeitnehmer", DS_SF_NAME, K_NAME},
    {"mieter", DS_SF_NAME, K_NAME},
    {"titulaire", DS_SF_NAME, K_NAME},
    {"locataire", DS_SF_NAME, K_NAME},
    {"titular", DS_SF_NAME, K_NAME},
    {"intestatario", DS_SF_NAME, K_NAME},
    {"rekeninghouder", DS_SF_NAME, K_NAME},
    {"dipendente", DS_SF_NAME, K_NAME},
    {"trabalhador", DS_SF_NAME, K_NAME},
    {"werknemer", DS_SF_NAME, K_NAME},
    {"conduttore", DS_SF_NAME, K_NAME},
    {"huurder", DS_SF_NAME, K_NAME},
    {"arrendatario", DS_SF_NAME, K_NAME},
    {"salarie", DS_SF_NAME, K_NAME},
    {"cognome e nome", DS_SF_NAME, K_NAME},
    {"nome completo", DS_SF_NAME, K_NAME},
    {"nom et prenoms", DS_SF_NAME, K_NAME},
    {"nom et prenom", DS_SF_NAME, K_NAME},
    {"nombre y apellidos", DS_SF_NAME, K_NAME},
    {"name", DS_SF_NAME, K_NAME},
    {"nom", DS_SF_NAME, K_NAME},
    {"nombre", DS_SF_NAME, K_NAME},
    {"nome", DS_SF_NAME, K_NAME},
    {"naam", DS_SF_NAME, K_NAME},
    {"surname", DS_SF_NAME, K_SURNAME},
    {"cognome", DS_SF_NAME, K_SURNAME},
    {"apelidos", DS_SF_NAME, K_SURNAME},
    {"geslachtsnaam", DS_SF_NAME, K_SURNAME},
    {"achternaam", DS_SF_NAME, K_SURNAME},
    {"family name", DS_SF_NAME, K_SURNAME},
    {"familienname", DS_SF_NAME, K_SURNAME},
    {"nachname", DS_SF_NAME, K_SURNAME},
    {"apellidos", DS_SF_NAME, K_SURNAME},
    {"given names", DS_SF_NAME, K_GIVEN},
    {"given name", DS_SF_NAME, K_GIVEN},
    {"forenames", DS_SF_NAME, K_GIVEN},
    {"forename", DS_SF_NAME, K_GIVEN},
    {"first names", DS_SF_NAME, K_GIVEN},
    {"first name", DS_SF_NAME, K_GIVEN},
    {"vornamen", DS_SF_NAME, K_GIVEN},
    {"vorname", DS_SF_NAME, K_GIVEN},
    {"prenoms", DS_SF_NAME, K_GIVEN},
    {"prenom", DS_SF_NAME, K_GIVEN},
    {"nomes proprios", DS_SF_NAME, K_GIVEN},
    {"voornamen", DS_SF_NAME, K_GIVEN},
    {"voornaam", DS_SF_NAME, K_GIVEN},
    /* dates */
    {"date and place of birth", DS_SF_BIRTH_DATE, K_DATE},
    {"date of birth", DS_SF_BIRTH_DATE, K_DATE},
    {"birth date", DS_SF_BIRTH_DATE, K_DATE},
    {"when born", DS_SF_BIRTH_DATE, K_DATE},
    {"born on", DS_SF_BIRTH_DATE, K_DATE},
    {"born", DS_SF_BIRTH_DATE, K_DATE},
    {"dob", DS_SF_BIRTH_DATE, K_DATE},
    {"d o b", DS_SF_BIRTH_DATE, K_DATE},
    {"geburtsdatum", DS_SF_BIRTH_DATE, K_DATE},
    {"geboren am", DS_SF_BIRTH_DATE, K_DATE},
    {"date de naissance", DS_SF_BIRTH_DATE, K_DATE},
    {"ne le", DS_SF_BIRTH_DATE, K_DATE},
    {"nee le", DS_SF_BIRTH_DATE, K_DATE},
    {"ne e le", DS_SF_BIRTH_DATE, K_DATE}, /* "né(e) le" */
    {"nacido a el", DS_SF_BIRTH_DATE, K_DATE},
    {"nacido el", DS_SF_BIRTH_DATE, K_DATE},
    {"nacida el", DS_SF_BIRTH_DATE, K_DATE},
    {"fecha de nacimiento", DS_SF_BIRTH_DATE, K_DATE},
    {"data di nascita", DS_SF_BIRTH_DATE, K_DATE},
    {"geboortedatum", DS_SF_BIRTH_DATE, K_DATE},
    {"data de nascimento", DS_SF_BIRTH_DATE, K_DATE},
    {"nato il", DS_SF_BIRTH_DATE, K_DATE},
    {"nata il", DS_SF_BIRTH_DATE, K_DATE},
    {"nascido em", DS_SF_BIRTH_DATE, K_DATE},
    {"nascida em", DS_SF_BIRTH_DATE, K_DATE},
    {"geboren op", DS_SF_BIRTH_DATE, K_DATE},
    /* Other languages a certificate prints beside its English captions
     * (Turkish, Polish, Czech, Slovak, Croatian, Romanian, Hungarian,
     * Scandinavian, Finnish, Vietnamese, Indonesian, Tagalog). */
    {"dogum tarihi", DS_SF_BIRTH_DATE, K_DATE},
    {"data urodzenia", DS_SF_BIRTH_DATE, K_DATE},
    {"datum narozeni", DS_SF_BIRTH_DATE, K_DATE},
    {"datum narodenia", DS_SF_BIRTH_DATE, K_DATE},
    {"datum rodenja", DS_SF_BIRTH_DATE, K_DATE},
    {"data nasterii", DS_SF_BIRTH_DATE, K_DATE},
    {"szuletesi datum", DS_SF_BIRTH_DATE, K_DATE},
    {"szuletesi ido", DS_SF_BIRTH_DATE, K_DATE},
    {"fodelsedatum", DS_SF_BIRTH_DATE, K_DATE},
    {"fodselsdato", DS_SF_BIRTH_DATE, K_DATE},
    {"syntymaaika", DS_SF_BIRTH_DATE, K_DATE},
    {"ngay sinh", DS_SF_BIRTH_DATE, K_DATE},
    {"tanggal lahir", DS_SF_BIRTH_DATE, K_DATE},
    {"petsa ng kapanganakan", DS_SF_BIRTH_DATE, K_DATE},
    {"statement date", DS_SF_STATEMENT_DATE, K_DATE},
    {"summary date", DS_SF_STATEMENT_DATE, K_DATE},
    {"date of statement", DS_SF_STATEMENT_DATE, K_DATE},
    {"statement period", DS_SF_STATEMENT_DATE, K_PERIOD},
    {"billing period", DS_SF_STATEMENT_DATE, K_PERIOD},
    {"pay period", DS_SF_STATEMENT_DATE, K_PERIOD},
    {"period ending", DS_SF_STATEMENT_DATE, K_DATE},
    {"period end", DS_SF_STATEMENT_DATE, K_DATE},
    {"for the period", DS_SF_STATEMENT_DATE, K_PERIOD},
    {"bill date", DS_SF_STATEMENT_DATE, K_DATE},
    {"billing date", DS_SF_STATEMENT_DATE, K_DATE},
    {"invoice date", DS_SF_STATEMENT_DATE, K_DATE},
    {"pay date", DS_SF_STATEMENT_DATE, K_DATE},
    {"payment date", DS_SF_STATEMENT_DATE, K_DATE},
    {"paid on", DS_SF_STATEMENT_DATE, K_DATE},
    {"date paid", DS_SF_STATEMENT_DATE, K_DATE},
    {"date of payment", DS_SF_STATEMENT_DATE, K_DATE},
    {"period to", DS_SF_STATEMENT_DATE, K_DATE},
    {"statement to", DS_SF_STATEMENT_DATE, K_DATE},
    {"auszugsdatum", DS_SF_STATEMENT_DATE, K_DATE},
    {"auszahlungsdatum", DS_SF_STATEMENT_DATE, K_DATE},
    {"date de paiement", DS_SF_STATEMENT_DATE, K_DATE},
    {"date de paie", DS_SF_STATEMENT_DATE, K_DATE},
    {"fecha de pago", DS_SF_STATEMENT_DATE, K_DATE},
    {"rechnungsdatum", DS_SF_STATEMENT_DATE, K_DATE},
    {"date du releve", DS_SF_STATEMENT_DATE, K_DATE},
    {"date de facture", DS_SF_STATEMENT_DATE, K_DATE},
    {"fecha del extracto", DS_SF_STATEMENT_DATE, K_DATE},
    {"fecha de factura", DS_SF_STATEMENT_DATE, K_DATE},
    {"data estratto", DS_SF_STATEMENT_DATE, K_DATE},
    {"data do extrato", DS_SF_STATEMENT_DATE, K_DATE},
    {"datum afschrift", DS_SF_STATEMENT_DATE, K_DATE},
    {"date d arrete", DS_SF_STATEMENT_DATE, K_DATE},
    {"data pagamento", DS_SF_STATEMENT_DATE, K_DATE},
    {"data de pagamento", DS_SF_STATEMENT_DATE, K_DATE},
    {"data di pagamento", DS_SF_STATEMENT_DATE, K_DATE},
    {"betaaldatum", DS_SF_STATEMENT_DATE, K_DATE},
    {"paye le", DS_SF_STATEMENT_DATE, K_DATE},
    {"data emissione", DS_SF_STATEMENT_DATE, K_DATE},
    {"data da fatura", DS_SF_STATEMENT_DATE, K_DATE},
    {"factuurdatum", DS_SF_STATEMENT_DATE, K_DATE},
    /* The date of the event a certificate records is no issue date: these
     * labels hold their line, so the generic "date" below never takes the
     * marriage date ("Date of marriage" over "04 APR 2024"). */
    {"date of marriage", DS_SF_ISSUE_DATE, K_EVENT},
    {"marriage date", DS_SF_ISSUE_DATE, K_EVENT},
    {"date of wedding", DS_SF_ISSUE_DATE, K_EVENT},
    {"datum der eheschliessung", DS_SF_ISSUE_DATE, K_EVENT},
    {"date du mariage", DS_SF_ISSUE_DATE, K_EVENT},
    {"date de mariage", DS_SF_ISSUE_DATE, K_EVENT},
    {"fecha de matrimonio", DS_SF_ISSUE_DATE, K_EVENT},
    {"fecha del matrimonio", DS_SF_ISSUE_DATE, K_EVENT},
    {"married on", DS_SF_ISSUE_DATE, K_EVENT},
    {"employed since", DS_SF_ISSUE_DATE, K_EVENT},
    {"start date", DS_SF_ISSUE_DATE, K_EVENT},
    {"date of joining", DS_SF_ISSUE_DATE, K_EVENT},
    {"in service since", DS_SF_ISSUE_DATE, K_EVENT},
    {"data del matrimonio", DS_SF_ISSUE_DATE, K_EVENT},
    {"data do casamento", DS_SF_ISSUE_DATE, K_EVENT},
    {"datum huwelijk", DS_SF_ISSUE_DATE, K_EVENT},
    {"datum van het huwelijk", DS_SF_ISSUE_DATE, K_EVENT},
    {"data di assunzione", DS_SF_ISSUE_DATE, K_EVENT},
    {"data de admissao", DS_SF_ISSUE_DATE, K_EVENT},
    {"in dienst sinds", DS_SF_ISSUE_DATE, K_EVENT},
    {"date d entree", DS_SF_ISSUE_DATE, K_EVENT},
    {"term begins", DS_SF_ISSUE_DATE, K_EVENT},
    {"decorrenza", DS_SF_ISSUE_DATE, K_EVENT},
    {"ingangsdatum", DS_SF_ISSUE_DATE, K_EVENT},
    {"prise d effet", DS_SF_ISSUE_DATE, K_EVENT},
    {"agreement date", DS_SF_ISSUE_DATE, K_DATE},
    {"date of agreement", DS_SF_ISSUE_DATE, K_DATE},
    {"date of the agreement", DS_SF_ISSUE_DATE, K_DATE},
    {"date of contract", DS_SF_ISSUE_DATE, K_DATE},
    {"date of signature", DS_SF_ISSUE_DATE, K_DATE},
    {"date of certificate", DS_SF_ISSUE_DATE, K_DATE},
    {"datum des vertrags", DS_SF_ISSUE_DATE, K_DATE},
    {"datum der ausstellung", DS_SF_ISSUE_DATE, K_DATE},
    {"date du contrat", DS_SF_ISSUE_DATE, K_DATE},
    {"fecha del contrato", DS_SF_ISSUE_DATE, K_DATE},
    {"expedido el", DS_SF_ISSUE_DATE, K_DATE},
    {"expedida el", DS_SF_ISSUE_DATE, K_DATE},
    {"given this", DS_SF_ISSUE_DATE, K_DATE},
    {"date of issue", DS_SF_ISSUE_DATE, K_DATE},
    {"issue date", DS_SF_ISSUE_DATE, K_DATE},
    {"date issued", DS_SF_ISSUE_DATE, K_DATE},
    {"issued on", DS_SF_ISSUE_DATE, K_DATE},
    {"agreement is made on", DS_SF_ISSUE_DATE, K_DATE},
    {"is made on", DS_SF_ISSUE_DATE, K_DATE},
    {"issued", DS_SF_ISSUE_DATE, K_DATE},
    {"certified on", DS_SF_ISSUE_DATE, K_DATE},
    {"date certified", DS_SF_ISSUE_DATE, K_DATE},
    {"conferred on", DS_SF_ISSUE_DATE, K_DATE},
    {"awarded on", DS_SF_ISSUE_DATE, K_DATE},
    {"date of award", DS_SF_ISSUE_DATE, K_DATE},
    {"date of letter", DS_SF_ISSUE_DATE, K_DATE},
    {"letter date", DS_SF_ISSUE_DATE, K_DATE},
    {"date signed", DS_SF_ISSUE_DATE, K_DATE},
    {"signed on", DS_SF_ISSUE_DATE, K_DATE},
    {"dated", DS_SF_ISSUE_DATE, K_DATE},
    {"date of registration", DS_SF_ISSUE_DATE, K_DATE},
    {"registered on", DS_SF_ISSUE_DATE, K_DATE},
    {"ausstellungsdatum", DS_SF_ISSUE_DATE, K_DATE},
    {"ausgestellt am", DS_SF_ISSUE_DATE, K_DATE},
    {"date de delivrance", DS_SF_ISSUE_DATE, K_DATE},
    {"delivre le", DS_SF_ISSUE_DATE, K_DATE},
    {"fecha de expedicion", DS_SF_ISSUE_DATE, K_DATE},
    {"fecha de emision", DS_SF_ISSUE_DATE, K_DATE},
    {"data di rilascio", DS_SF_ISSUE_DATE, K_DATE},
    {"datum van afgifte", DS_SF_ISSUE_DATE, K_DATE},
    {"data de emissao", DS_SF_ISSUE_DATE, K_DATE},
    {"data del rilascio", DS_SF_ISSUE_DATE, K_DATE},
    {"rilasciato il", DS_SF_ISSUE_DATE, K_DATE},
    {"afgegeven op", DS_SF_ISSUE_DATE, K_DATE},
    {"emitido em", DS_SF_ISSUE_DATE, K_DATE},
    {"verilis tarihi", DS_SF_ISSUE_DATE, K_DATE},
    {"duzenleme tarihi", DS_SF_ISSUE_DATE, K_DATE},
    {"data wydania", DS_SF_ISSUE_DATE, K_DATE},
    {"data wystawienia", DS_SF_ISSUE_DATE, K_DATE},
    {"datum vydani", DS_SF_ISSUE_DATE, K_DATE},
    {"datum vydania", DS_SF_ISSUE_DATE, K_DATE},
    {"datum izdavanja", DS_SF_ISSUE_DATE, K_DATE},
    {"data eliberarii", DS_SF_ISSUE_DATE, K_DATE},
    {"data emiterii", DS_SF_ISSUE_DATE, K_DATE},
    {"kiallitas datuma", DS_SF_ISSUE_DATE, K_DATE},
    {"utfardandedatum", DS_SF_ISSUE_DATE, K_DATE},
    {"utstedelsesdato", DS_SF_ISSUE_DATE, K_DATE},
    {"udstedelsesdato", DS_SF_ISSUE_DATE, K_DATE},
    {"myontamispaiva", DS_SF_ISSUE_DATE, K_DATE},
    {"ngay cap", DS_SF_ISSUE_DATE, K_DATE},
    {"tanggal dikeluarkan", DS_SF_ISSUE_DATE, K_DATE},
    {"datum", DS_SF_ISSUE_DATE, K_DATE},
    {"date", DS_SF_ISSUE_DATE, K_DATE},
    {"fecha", DS_SF_ISSUE_DATE, K_DATE},
    /* numbers */
    {"iban", DS_SF_IBAN, K_IBAN},
    {"account number", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"account no", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"acct no", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"customer number", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"customer no", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"employee number", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"employee no", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"payroll number", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"kontonummer", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"personalnummer", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"kundennummer", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"matricule", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"numero de empleado", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"numero de compte", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"numero de cuenta", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"account", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"customer ref", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"account ref", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"payroll ref", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"payroll no", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"certificate number", DS_SF_REFERENCE, K_NUMBER},
    {"certificate no", DS_SF_REFERENCE, K_NUMBER},
    {"policy number", DS_SF_REFERENCE, K_NUMBER},
    {"policy no", DS_SF_REFERENCE, K_NUMBER},
    {"registration number", DS_SF_REFERENCE, K_NUMBER},
    {"entry no", DS_SF_REFERENCE, K_NUMBER},
    {"serial number", DS_SF_REFERENCE, K_NUMBER},
    {"our ref", DS_SF_REFERENCE, K_NUMBER},
    {"your ref", DS_SF_REFERENCE, K_NUMBER},
    {"invoice number", DS_SF_REFERENCE, K_NUMBER},
    {"invoice no", DS_SF_REFERENCE, K_NUMBER},
    {"document number", DS_SF_REFERENCE, K_NUMBER},
    {"document no", DS_SF_REFERENCE, K_NUMBER},
    {"disclosure number", DS_SF_REFERENCE, K_NUMBER},
    {"disclosure no", DS_SF_REFERENCE, K_NUMBER},
    {"award no", DS_SF_REFERENCE, K_NUMBER},
    {"certificate ref", DS_SF_REFERENCE, K_NUMBER},
    {"reference", DS_SF_REFERENCE, K_NUMBER},
    {"ref", DS_SF_REFERENCE, K_NUMBER},
    {"referenz", DS_SF_REFERENCE, K_NUMBER},
    {"aktenzeichen", DS_SF_REFERENCE, K_NUMBER},
    {"reference no", DS_SF_REFERENCE, K_NUMBER},
    {"rekeningnummer", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"conto n", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"n o de conta", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"n de compte", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"matricola", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"personeelsnummer", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"n o mecanografico", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"codice cliente", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"klantnummer", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"n o de cliente", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"n client", DS_SF_ACCOUNT_NUMBER, K_NUMBER},
    {"atto n", DS_SF_REFERENCE, K_NUMBER},
    {"assento n", DS_SF_REFERENCE, K_NUMBER},
    {"aktenummer", DS_SF_REFERENCE, K_NUMBER},
    {"acte n", DS_SF_REFERENCE, K_NUMBER},
    {"certificato n", DS_SF_REFERENCE, K_NUMBER},
    {"certificado n", DS_SF_REFERENCE, K_NUMBER},
    {"n de certificat", DS_SF_REFERENCE, K_NUMBER},
    /* amounts */
    {"closing balance", DS_SF_AMOUNT, K_AMOUNT},
    {"balance carried forward", DS_SF_AMOUNT, K_AMOUNT},
    {"net pay", DS_SF_AMOUNT, K_AMOUNT},
    {"total amount due", DS_SF_AMOUNT, K_AMOUNT},
    {"amount due", DS_SF_AMOUNT, K_AMOUNT},
    {"total due", DS_SF_AMOUNT, K_AMOUNT},
    {"total to pay", DS_SF_AMOUNT, K_AMOUNT},
    {"net amount paid", DS_SF_AMOUNT, K_AMOUNT},
    {"net amount", DS_SF_AMOUNT, K_AMOUNT},
    {"take home pay", DS_SF_AMOUNT, K_AMOUNT},
    {"amount payable", DS_SF_AMOUNT, K_AMOUNT},
    {"total payable", DS_SF_AMOUNT, K_AMOUNT},
    {"rent per calendar month", DS_SF_AMOUNT, K_AMOUNT},
    {"monthly rent", DS_SF_AMOUNT, K_AMOUNT},
    {"annual salary", DS_SF_AMOUNT, K_AMOUNT},
    {"auszahlungsbetrag", DS_SF_AMOUNT, K_AMOUNT},
    {"net a payer", DS_SF_AMOUNT, K_AMOUNT},
    {"importe total", DS_SF_AMOUNT, K_AMOUNT},
    {"saldo finale", DS_SF_AMOUNT, K_AMOUNT},
    {"saldo final", DS_SF_AMOUNT, K_AMOUNT},
    {"nieuw saldo", DS_SF_AMOUNT, K_AMOUNT},
    {"netto in busta", DS_SF_AMOUNT, K_AMOUNT},
    {"valor liquido", DS_SF_AMOUNT, K_AMOUNT},
    {"netto uitbetaald", DS_SF_AMOUNT, K_AMOUNT},
    {"totale da pagare", DS_SF_AMOUNT, K_AMOUNT},
    {"total a pagar", DS_SF_AMOUNT, K_AMOUNT},
    {"te betalen", DS_SF_AMOUNT, K_AMOUNT},
    {"montant ttc", DS_SF_AMOUNT, K_AMOUNT},
    {"canone mensile", DS_SF_AMOUNT, K_AMOUNT},
    {"renda mensal", DS_SF_AMOUNT, K_AMOUNT},
    {"huurprijs per maand", DS_SF_AMOUNT, K_AMOUNT},
    {"loyer mensuel", DS_SF_AMOUNT, K_AMOUNT},
    /* addresses */
    {"home address", DS_SF_ADDRESS, K_ADDRESS},
    {"supply address", DS_SF_ADDRESS, K_ADDRESS},
    {"property address", DS_SF_ADDRESS, K_ADDRESS},
    {"address of property", DS_SF_ADDRESS, K_ADDRESS},
    {"address of the dwelling", DS_SF_ADDRESS, K_ADDRESS},
    {"address of the property", DS_SF_ADDRESS, K_ADDRESS},
    {"premises", DS_SF_ADDRESS, K_ADDRESS},
    {"residing at", DS_SF_ADDRESS, K_ADDRESS},
    {"resident at", DS_SF_ADDRESS, K_ADDRESS},
    {"address", DS_SF_ADDRESS, K_ADDRESS},
    {"lieferanschrift", DS_SF_ADDRESS, K_ADDRESS},
    {"mietobjekt", DS_SF_ADDRESS, K_ADDRESS},
    {"adresse du logement", DS_SF_ADDRESS, K_ADDRESS},
    {"adresse de consommation", DS_SF_ADDRESS, K_ADDRESS},
    {"direccion de suministro", DS_SF_ADDRESS, K_ADDRESS},
    {"vivienda", DS_SF_ADDRESS, K_ADDRESS},
    {"anschrift", DS_SF_ADDRESS, K_ADDRESS},
    {"adresse", DS_SF_ADDRESS, K_ADDRESS},
    {"domicilio", DS_SF_ADDRESS, K_ADDRESS},
    {"direccion", DS_SF_ADDRESS, K_ADDRESS},
    {"indirizzo di fornitura", DS_SF_ADDRESS, K_ADDRESS},
    {"local de consumo", DS_SF_ADDRESS, K_ADDRESS},
    {"leveringsadres", DS_SF_ADDRESS, K_ADDRESS},
    {"adresse de livraison", DS_SF_ADDRESS, K_ADDRESS},
    {"gehuurde woning", DS_SF_ADDRESS, K_ADDRESS},
    {"immobile", DS_SF_ADDRESS, K_ADDRESS},
    {"locado", DS_SF_ADDRESS, K_ADDRESS},
    {"residente in", DS_SF_ADDRESS, K_ADDRESS},
    {"residente em", DS_SF_ADDRESS, K_ADDRESS},
    {"wonende te", DS_SF_ADDRESS, K_ADDRESS},
    {"demeurant", DS_SF_ADDRESS, K_ADDRESS},
    {"indirizzo", DS_SF_ADDRESS, K_ADDRESS},
    {"morada", DS_SF_ADDRESS, K_ADDRESS},
    {"adres", DS_SF_ADDRESS, K_ADDRESS},
    /* who issued it */
    {"residential address", DS_SF_ADDRESS, K_ADDRESS},
    {"current address", DS_SF_ADDRESS, K_ADDRESS},
    {"postal address", DS_SF_ADDRESS, K_ADDRESS},
    {"residence", DS_SF_ADDRESS, K_ADDRESS},
    {"premises", DS_SF_ADDRESS, K_ADDRESS},
    {"dwelling house at", DS_SF_ADDRESS, K_ADDRESS},
    {"property", DS_SF_ADDRESS, K_ADDRESS},
    {"issued by", DS_SF_ISSUER, K_TEXT},
    {"issuing authority", DS_SF_ISSUER, K_TEXT},
    {"registrar", DS_SF_ISSUER, K_TEXT},
    {"employer name", DS_SF_ISSUER, K_TEXT},
    {"employer", DS_SF_ISSUER, K_TEXT},
    {"lessor", DS_SF_ISSUER, K_TEXT},
    {"landlord", DS_SF_ISSUER, K_TEXT},
    {"arbeitgeber", DS_SF_ISSUER, K_TEXT},
    {"vermieter", DS_SF_ISSUER, K_TEXT},
    {"employeur", DS_SF_ISSUER, K_TEXT},
    {"locatore", DS_SF_ISSUER, K_TEXT},
    {"senhorio", DS_SF_ISSUER, K_TEXT},
    {"verhuurder", DS_SF_ISSUER, K_TEXT},
    {"bailleur", DS_SF_ISSUER, K_TEXT},
};
const int ds_sup_nlabels = (int)(sizeof ds_sup_labels / sizeof ds_sup_labels[0]);

bool ds_sup_surname_label(const char *lab)
{
    for (int j = 0; lab && j < ds_sup_nlabels; j++)
        if (ds_sup_labels[j].k == K_SURNAME && strstr(lab, ds_sup_labels[j].phrase))
            return true;
    return false;
}

bool ds_sup_generic_label(const char *phrase)
{
    static const char *const g[] = {"date", "datum", "fecha", "name", "nom", "nombre", "account",
                                    "ref", "reference", "born", "issued", "father", "mother",
                                    "tenant", "employee", "landlord", "employer", "registrar",
                                    "address", "wife", "husband", "pere", "mere", "vater",
                                    "mutter", "titular", "surname", "dob", "vivienda", "dated",
                                    "premises", "residence", "occupier", "property",
                                    "lessee", "lessor", "padre", "madre", "pai", "mae",
                                    "vader", "moeder", "naam", "nome", "adres",
                                    "dipendente", "trabalhador", "werknemer", "salarie",
                                    "huurder", "conduttore", "arrendatario", "intestatario",
                                    "rekeninghouder", "immobile", "locado", "morada", NULL};
    for (int i = 0; g[i]; i++)
        if (strcmp(g[i], phrase) == 0)
            return true;
    return false;
}
