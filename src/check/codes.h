/*
 * codes: the ICAO 9303 Part 3 list of three-letter codes for issuing states
 * and nationalities, and the marks of specimen documents.
 *
 * The list is ISO 3166-1 alpha-3 as ICAO uses it plus ICAO's own codes: D
 * for Germany, the British GBD/GBN/GBO/GBP/GBS, the United Nations
 * UNO/UNA/UNK, the persons without a defined nationality XXA/XXB/XXC/XXX,
 * the European Union EUE, the other issuing organisations (XBA, XCC, XCE,
 * XCO, XDC, XEC, XES, XIM, XMP, XOM, XPO), Kosovo's RKS as its documents
 * print it, and UTO, the "Utopia" of ICAO's specimens. Lookups are pure
 * functions over static tables; nothing here allocates.
 */
#ifndef DS_CODES_H
#define DS_CODES_H

#include <stdbool.h>

/*
 * Writes the comparable form of an MRZ or case-record code to out: upper
 * case, '<' fillers and spaces removed, and Germany's "D" as "DEU". Returns
 * out, or NULL (out set to "") when code is NULL or is not 1 to 3 letters
 * after the fillers are removed.
 */
char *ds_icao_code_normalise(const char *code, char out[4]);

/* True when code, normalised, is on the ICAO list (UTO included: it is a
 * real code of specimen documents, and ds_icao_code_is_specimen says so). */
bool ds_icao_code_known(const char *code);

/* True for the specimen state code UTO (after normalisation). */
bool ds_icao_code_is_specimen(const char *code);

/* True when a name (MRZ style: upper case words separated by spaces; any
 * case accepted) has a word that only specimens use: SPECIMEN, SPECIMENS,
 * MUSTERMANN, MUSTERFRAU, MUSTERMAN, SAMPLE, MODELE, MUESTRA, SPECIMINE. */
bool ds_specimen_name(const char *name);

/* True when a document number ('<', spaces and case ignored) is one printed
 * on published specimens (ICAO Doc 9303 Utopia documents, German specimen
 * passport and identity card). */
bool ds_specimen_document_number(const char *number);

/* The number of codes in the list, and the i-th (NULL out of range); for
 * tests and listings. */
int ds_icao_code_count(void);
const char *ds_icao_code_at(int i);

#endif
