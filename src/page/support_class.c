/*
 * support_class.c: what kind of page this is, from its words (support.h).
 *
 * Each type has title phrases (strong cues: "certificate of birth",
 * "kontoauszug") and body phrases (weak cues: "sort code", "net pay"), in
 * English, German, French, Spanish, Italian, Dutch and Portuguese, folded as
 * ds_text_fold folds them (lower case, no accents, punctuation as spaces).
 * A strong cue scores 5 (7 when its line is printed larger than the body
 * text, as a title is: its middle word 1.3 times the median word height), a weak cue 1; each phrase counts once. A type is given only
 * with a score of 5 or more and 3 more than any other type's; otherwise
 * the page is "other". Identity wording ("passport", "identity card") is a
 * type like the others, so a letter quoting a passport number stays a letter.
 *
 * A title the lists do not know is still read as an officer reads it: a
 * large line in the top half of the page that names a document
 * ("certificate", "extract", "statement", "contract", ...) and a type's
 * subject ("marriage", "criminal", "rental", "salary", ...: title_words)
 * scores that type TITLE_WORD_SCORE, once ("Register of Marriages",
 * "Rental Contract"). A large line naming no document (an issuer's name:
 * "Civil Registration Service", "Meridian Energy Supply") is no title.
 * A letter's subject line is a title at any size: led by "Re:", "Betreff",
 * "Objet", "Asunto" ..., or standing right above the salutation ("Your
 * annual electricity statement" / "Dear Customer,"). A German compound
 * ending in a document noun of six letters or more names a document
 * ("Verdienstbescheinigung", "Jahresrechnung"). "Large" is measured
 * against the median height of the words read clearly: a form's comb
 * boxes, read as tall marks, are no body text; a line in capitals is
 * large from 1.15 times that height (capitals have no ascenders over the
 * body's small letters: "EMPLOYMENT CERTIFICATE" a size above the body).
 *
 * The lists hold what offices print on each type across English varieties
 * (Indian, Nigerian, Philippine, US, UK, Australian) and the languages
 * read, and a type's telling sentences as strong cues ("has been in the
 * employment of", "has no criminal record"), never one drawn family's
 * wording. A rent receipt is read from its sentences when its title is
 * lost: a receipt's words and a rent payment's on one page score tenancy
 * as a title does (RECEIPT_SCORE). A cue of CLASS_FUZZY_MIN letters or
 * more also counts read one letter off anywhere (find_cue, find_near).
 */
#include "page/support.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "page/support_labels.h"

typedef struct cue_set {
    ds_page_class type;
    const char *const *strong;
    const char *const *weak;
} cue_set;

static const char *const birth_s[] = {
    "birth certificate", "certificate of birth", "entry of birth", "geburtsurkunde",
    "acte de naissance", "certificado de nacimiento", "partida de nacimiento",
    "certificato di nascita", "geboorteakte", "certidao de nascimento",
    "certificacion literal de nacimiento", "certificacion de nacimiento", "geburtenregister",
    "atto di nascita", "estratto di nascita", "registo de nascimento", "register van geboorten",
    "uittreksel geboorteakte", NULL};
static const char *const birth_w[] = {
    "place of birth", "name of child", "father", "mother", "registrar", "registration district",
    "child", "born", "vater", "mutter", "pere", "mere", "padre", "madre", "when and where born",
    /* body words */
    "birth registered", "informant", "name of father", "name of mother", "father s name",
    "mother s name", "parents", "date of registration", "eltern", "padres", "genitori",
    "births", "register of births", "registrar of births", NULL};
static const char *const marriage_s[] = {
    "marriage certificate", "certificate of marriage", "entry of marriage", "heiratsurkunde",
    "eheurkunde", "acte de mariage", "certificado de matrimonio", "certificato di matrimonio",
    "huwelijksakte", "certidao de casamento", "certificacion de matrimonio", "marriage licence",
    "marriage license", "marriage registration", "record of marriage", "atto di matrimonio",
    "register van huwelijken", "uittreksel huwelijksakte", NULL};
static const char *const marriage_w[] = {
    "husband", "wife", "spouse", "bride", "groom", "solemnized", "solemnised", "date of marriage",
    "place of marriage", "married", "ehemann", "ehefrau", "epoux", "epouse", "conyuge",
    /* body words */
    "marriage", "married on", "married at", "first party", "second party", "partner",
    "civil partnership", "wedding", "witness", "witnesses", "heirat", "eheschliessung", "mariage",
    "marie", "mariee", "matrimonio", "casados", "celebrated", "solemnisation", "solemnization",
    "marriages", "register of marriages", "registrar of marriages", "parties to the marriage", NULL};
static const char *const bank_s[] = {
    "statement of account", "bank statement", "account statement", "kontoauszug",
    "releve de compte", "extracto bancario", "extracto de cuenta", "estratto conto",
    "rekeningoverzicht", "extrato bancario", "rekeningafschrift", "extrato de conta",
    "estratto conto corrente", "releve de compte courant", "dagafschrift",
    /* a bank's letter confirming the balance, an online bank's transactions */
    "bank balance confirmation", "balance confirmation", "saldenbestatigung",
    "kontostandsbestatigung", "attestation de solde", "certificado de saldo", "releve bancaire",
    "kontoumsatze", "account transactions", "operations du compte", "movimientos de la cuenta",
    /* balance certificates and passbooks (India, Nigeria, the Philippines, Latin America) */
    "certificate of account balance", "account balance certificate", "balance certificate",
    "certificate of balance", "bank certificate", "solvency certificate", "bank reference letter",
    "account maintenance certificate", "passbook", "pass book", "mini statement",
    "statement of transactions", "transaction history", "estado de cuenta", "certificado bancario",
    "constancia de saldo", "comprovante de saldo", "declaracao bancaria", "proof of funds",
    NULL};
static const char *const bank_w[] = {
    "sort code", "iban", "bic", "opening balance", "closing balance", "balance brought forward",
    "balance carried forward", "account number", "statement period", "statement date",
    "money in", "money out", "paid in", "paid out", "kontostand", "solde", "saldo",
    /* body words */
    "statement", "balance", "debit", "credit", "direct debit", "standing order", "overdraft",
    "transactions", "transaction", "withdrawal", "current account", "savings account",
    "building society", "bank", "account no", "period ending", "interest", "buchungstag", "valuta",
    "lastschrift", "gutschrift", "haben", "soll", "virement", "retrait", "prelevement",
    "movimientos", "cargo", "abono", "transferencia",
    "konto", "konten", "kontoinhaber", "kontonummer", "girokonto", "umsatze", "buchungstext",
    "dauerauftrag", "kartenzahlung", "uberweisung", "sparkasse", "compte", "titulaire du compte",
    "solde au", "cuenta", "titular de la cuenta", "saldo a", "account holder",
    "holds the account", "online banking", "onlinebanking", "maintains", "with our branch",
    "branch", "close of business", "balance in the account", "account holder s", "ifsc",
    "routing number", "bsb", "agencia", "sucursal", "cuenta de ahorros", "conta corrente", NULL};
static const char *const payslip_s[] = {
    "payslip", "pay slip", "pay statement", "earnings statement", "pay advice",
    "gehaltsabrechnung", "lohnabrechnung", "entgeltabrechnung", "bulletin de paie",
    "bulletin de salaire", "nomina", "busta paga", "loonstrook", "recibo de vencimento",
    "recibo de salarios", "recibo de salario", "fiche de paie", "cedolino", "cedolino paga",
    "salarisstrook", "loonspecificatie", "recibo de vencimentos", "verdienstbescheinigung",
    "entgeltnachweis", "earnings certificate",
    /* as offices in India, the Gulf, the US and Latin America name them */
    "salary certificate", "salary slip", "salary statement", "pay stub", "paystub", "pay cheque",
    "paycheck", "statement of earnings", "wage slip", "wage statement", "wages slip",
    "remuneration statement", "holerite", "contracheque", "demonstrativo de pagamento",
    "recibo de nomina", "recibo de sueldo", "comprobante de nomina", "boleta de pago",
    "colilla de pago", NULL};
static const char *const payslip_w[] = {
    "net pay", "gross pay", "basic pay", "income tax", "ni number", "tax code", "employee no",
    "employee number", "pay date", "ytd", "deductions", "pay period", "nettolohn", "bruttolohn",
    "salaire net", "salario neto",
    /* body words */
    "gross", "net", "earnings", "payroll", "paye", "national insurance", "pension", "overtime",
    "hours", "rate", "tax", "year to date", "net amount", "salary advice", "brutto", "netto",
    "lohnsteuer", "sozialversicherung", "cotisations", "salaire brut", "net a payer", "irpf",
    "seguridad social", "devengos", "deducciones", "liquido", "nettoentgelt",
    "bruttoarbeitsentgelt", "abrechnungszeitraum", "auszahlungsbetrag", "personalnummer",
    "salaire de base", "net a payer", "salario base", "liquido a percibir", "basic salary",
    "gross salary", "net salary", "take home", "allowance", "allowances", "provident fund",
    "withholding tax", "professional tax", "social security", "medicare", "superannuation",
    "philhealth", "sueldo", "salario liquido", "descontos", "proventos", NULL};
static const char *const employ_s[] = {
    "employment letter", "letter of employment", "certificate of employment",
    "confirmation of employment", "employment confirmation", "employment verification",
    "arbeitsbescheinigung", "arbeitgeberbescheinigung", "attestation d emploi",
    "attestation de travail", "certificado de empresa", "certificado laboral",
    "werkgeversverklaring", "bescheinigung uber das arbeitsverhaltnis", "arbeitszeugnis",
    "attestation employeur", "attestation d employeur", "certificat de travail",
    "certificado de trabajo", "constancia laboral", "constancia de trabajo",
    "dichiarazione del datore di lavoro", "dichiarazione di servizio", "dichiarazione di lavoro",
    "attestazione di servizio", "declaracao de trabalho", "declaracao de emprego",
    "declaracao da entidade patronal", "verklaring van de werkgever", "attestation de l employeur",
    "employer s declaration", "employer s statement",
    /* titles and the sentence that says it, in the English varieties and languages read */
    "employment certificate", "certificate of service", "service certificate",
    "experience certificate", "experience letter", "work certificate", "certificate of work",
    "employment reference", "employer reference", "verification of employment",
    "proof of employment", "job letter", "offer of employment", "in the employment of",
    "is employed with", "is employed as", "is working with", "is working as",
    "has been working with", "has been working as", "has worked with", "in our employ",
    "bei uns beschaftigt", "est employe", "est salarie", "labora en", "trabaja en esta",
    "presta sus servicios", "trabalha nesta", "lavora presso", "werkzaam bij",
    "constancia de empleo", "carta laboral", "certificacion laboral", "declaracao de vinculo",
    "beschaftigungsnachweis", "certificato di servizio", "certificat d emploi", NULL};
static const char *const employ_w[] = {
    "is employed", "employed by", "has been employed", "job title", "position", "start date",
    "permanent", "full time", "part time", "annual salary", "human resources",
    "to whom it may concern", "beschaftigt", "employe", "empleado", "arbeitsverhaltnis",
    "beschaftigt seit", "date d entree", "fecha de alta",
    /* body words */
    "employment", "employee", "employer", "employed", "employed since", "role", "job", "salary",
    "datore di lavoro", "dipendente", "trabalhador", "werknemer", "in dienst",
    "categoria profissional", "qualifica", "functie",
    "hired", "joined", "particulars of your employment", "hr", "personnel", "occupation",
    "beschaftigung", "arbeitnehmer", "arbeitgeber", "tatigkeit", "emploi", "salarie", "poste",
    "fonction", "empleo", "trabajador", "trabajadora", "puesto", "cargo desempenado",
    "in service", "length of service", "years of service", "continuous service", "service since",
    "permanent contract", "contract of employment", "date of joining", "designation",
    "no objection", "permanent basis", "employee id", "staff no", "staff id", "working",
    "worked", "service", "conduct during", "basis", "empresa", "funcionario", "funcionaria",
    "colaborador", "colaboradora", "cargo", "mitarbeiter", "mitarbeiterin", NULL};
static const char *const utility_s[] = {
    "electricity bill", "gas bill", "water bill", "energy bill", "utility bill", "your bill",
    "your energy bill", "stromrechnung", "gasrechnung", "facture d electricite",
    "facture de gaz", "factura de electricidad", "bolletta", "energierekening",
    "jahresrechnung", "factura de gas", "factura de agua", "facture d eau", "council tax",
    "gas account", "electricity account", "energy account", "water account", "jaarnota",
    "jaarafrekening", "energienota", "fatura de eletricidade", "fatura de gas", "fatura da agua",
    "bolletta energia", "bolletta gas", "facture de gaz naturel", "facture d energie",
    "council tax bill", "rates bill", "water services", "water charges", "broadband bill",
    "telephone bill", "phone bill", "internet bill", "taxe d habitation", "taxe municipale",
    "taxe fonciere", "impuesto municipal", "grundsteuerbescheid", "rechnung telefon",
    "mobile bill", "your mobile bill", "mobile phone bill", NULL};
static const char *const utility_w[] = {
    "meter", "kwh", "meter reading", "tariff", "amount due", "billing period", "supply address",
    "standing charge", "units used", "total to pay", "zahlerstand", "consommation", "consumo",
    /* body words */
    "invoice", "bill", "electricity", "water", "gas", "energy", "supply", "m3", "usage", "units",
    "customer ref", "customer number", "due date", "strom", "wasser", "verbrauch", "abschlag",
    "facture", "electricite", "eau", "factura", "suministro", "luz", "agua", "lectura",
    "periode de facturation", "periodo de facturacion", "council", "liable person", "band",
    "annual charge", "instalments", "rates", "broadband", "telephone", "line rental",
    "call charges", "sewerage", "wastewater", "property tax", "rateable value", "codice cliente",
    "klantnummer", "leveringsadres", "indirizzo di fornitura", "local de consumo",
    "adresse de livraison", "energie", "elettrica", "eletricidade", "fatura", "factuur",
    "rechnungsbetrag", "rechnungsdatum", "grundpreis", "arbeitspreis", "stadtwerke",
    "zahlernummer", "jahresverbrauch", "stromverbrauch", "montant a payer", "date de la facture",
    "abonnement", "compteur", "numero de compteur", "point de livraison", "electricidad",
    "importe total", "total factura", "fecha de factura", "potencia", "energia",
    "montant ttc", "electricity use", "mobile number", "roaming", "monthly plan", NULL};
static const char *const tenancy_s[] = {
    "tenancy agreement", "rental agreement", "lease agreement", "tenancy contract", "mietvertrag",
    "contrat de location", "contrat de bail", "contrato de arrendamiento", "contratto di locazione",
    "huurovereenkomst", "contrato de arrendamento", "bail d habitation", "contrat de bail",
    /* the landlord's confirmation a residence is registered with */
    "landlord s confirmation", "landlord confirmation", "wohnungsgeberbestatigung",
    "wohnungsgeberbescheinigung", "contrato de arrendamento", "contrat de location",
    "licence to occupy", "license to occupy",
    /* rent receipts and the agreements of the English varieties and languages read */
    "rent receipt", "rent receipts", "receipt of rent", "house rent receipt", "rent agreement",
    "lease contract", "lease deed", "contract of lease", "rent book",
    "leave and licence agreement", "leave and license agreement", "residential tenancy",
    "assured shorthold tenancy", "letting agreement", "occupancy agreement", "residential lease",
    "quittance de loyer", "mietquittung", "mietbescheinigung", "recibo de arrendamiento",
    "recibo de alquiler", "recibo de renta", "recibo de aluguel", "recibo de aluguer",
    "contrato de locacao", "contrato de aluguel", "contrato de locacion", "ricevuta di affitto",
    "ricevuta affitto", "huurbewijs", NULL};
static const char *const tenancy_w[] = {
    "landlord", "tenant", "the property", "deposit", "rent", "premises", "vermieter", "mieter",
    "bailleur", "locataire", "arrendador", "arrendatario",
    /* body words */
    "lease", "lessor", "lessee", "to let", "letting", "lettings", "dwelling", "tenancy",
    "per calendar month", "per month", "monthly rent", "occupier", "commencement", "furnished",
    "unfurnished", "inventory", "miete", "kaution", "mietbeginn", "wohnung", "loyer",
    "depot de garantie", "logement", "bail", "alquiler", "fianza", "vivienda", "renta", "rental",
    "tenants", "moved in", "moved into", "residence registration", "towards rent",
    "being rent", "as rent", "rent for", "rent for the month", "rent paid", "rent received",
    "licensor", "licensee", "aluguel", "aluguer", "locador", "locatario", "inquilino",
    "inquilina", "affitto", "locatore", "huur", "huurder", "verhuurder", NULL};
static const char *const police_s[] = {
    "police certificate", "police clearance", "certificate of good conduct",
    "criminal record certificate", "criminal record check", "basic disclosure",
    "fuhrungszeugnis", "casier judiciaire", "certificado de antecedentes penales",
    "certificato del casellario giudiziale", "verklaring omtrent het gedrag", "no criminal record",
    "non condamnation", "casellario giudiziale", "registo criminal",
    "certificado do registo criminal",
    /* clearances as police, NBI, FBI and courts name them, and the sentence that says it */
    "police character certificate", "good conduct certificate", "nbi clearance",
    "criminal background check", "identity history summary", "police check",
    "dbs certificate", "disclosure and barring", "enhanced disclosure", "standard disclosure",
    "certificate of no criminal record", "non criminal record", "antecedentes no penales",
    "antecedentes penales", "antecedentes criminais", "antecedentes judiciales",
    "constancia de antecedentes", "carta de antecedentes", "certidao de antecedentes",
    "atestado de antecedentes", "certificado de antecedentes", "extrait de casier",
    "certificato penale", "has no criminal record", "no criminal records",
    "no derogatory record", "not been convicted", "no adverse police record",
    "no registra antecedentes", "no se encontraron antecedentes", "no tiene antecedentes",
    "carece de antecedentes", "nao constam antecedentes", "keine eintragung", NULL};
static const char *const police_w[] = {
    "no convictions", "criminal record", "convictions", "police", "cautions", "no record",
    "eintragung", "condamnation", "antecedentes",
    /* body words */
    "conviction", "caution", "criminal", "disclosure", "offence", "offences", "no trace",
    "nothing recorded", "recorded", "record", "strafregister", "vorstrafen",
    "bundeszentralregister", "casier", "judiciaire", "penales", "delitos", "condena",
    "criminal records", "police records", "judicial record", "criminal history",
    "superintendent of police", "commissioner of police", "police station", "police department",
    "police force", "national police", "criminal investigation", "fingerprint", "fingerprints",
    "derogatory", "not wanted", "clearance", "character certificate", "good conduct",
    "policia", "policiais", "policiales", "polizei", "politie", "polizia", "judiciales",
    "criminais", "penal", "nada consta", NULL};
static const char *const diploma_s[] = {
    "diploma", "degree certificate", "bachelor of", "master of", "doctor of philosophy",
    "has been awarded", "conferred", "hochschulabschluss", "diplome", "titulo universitario",
    "diploma di laurea", "getuigschrift", "diplom", "bachelorurkunde", "masterurkunde",
    "diplomurkunde", "titulo de grado", "titulo de master", "diplome de licence",
    "diplome de master", "carta de curso", "diploma de curso", "testamur",
    "certificate of enrolment", "certificate of enrollment", "enrolment certificate",
    "enrollment certificate", "is enrolled as",
    /* school certificates and transcripts of the English varieties and languages read */
    "school leaving certificate", "leaving certificate", "transfer certificate",
    "certificate of school leaving", "school certificate", "certificate of completion",
    "completion certificate", "certificate of graduation", "graduation certificate",
    "transcript of records", "academic transcript", "official transcript", "mark sheet",
    "marksheet", "statement of marks", "grade sheet", "report card", "matriculation certificate",
    "secondary school certificate", "higher secondary certificate", "senior school certificate",
    "general certificate of education", "certificate of secondary education", "study certificate",
    "certificate of studies", "certificado de estudios", "certificado de bachillerato",
    "titulo de bachiller", "certificado de conclusao", "historico escolar",
    "declaracao de conclusao", "certificat de scolarite", "releve de notes", "baccalaureat",
    "abiturzeugnis", "abschlusszeugnis", "reifezeugnis", "abgangszeugnis",
    "diploma di maturita", "constancia de estudios", "certificado escolar", NULL};
static const char *const diploma_w[] = {
    "university", "graduated", "awarded", "degree", "honours", "faculty", "with distinction",
    "grade", "universitat", "universite", "universidad",
    /* body words */
    "graduation", "graduate", "senate", "confers", "award", "bachelor", "master", "college",
    "hereby confers", "conferred upon", "academic", "studies", "examination", "hochschule",
    "abschluss", "studium", "licence", "etudes", "titulo", "grado", "licenciatura", "estudios",
    "programme of study", "course of study", "completed the programme", "completed the course",
    "director of studies", "course", "universidade", "universita", "universiteit", "hogeschool",
    "laurea", "curso", "concluiu", "mestrado", "opleiding", "corso di laurea", "enrolled",
    "student id", "academic year", "full time student", "school", "pupil", "student",
    "admission", "date of admission", "date of leaving", "reason for leaving", "principal",
    "headmaster", "headmistress", "head teacher", "class teacher", "secondary school",
    "high school", "marks", "subjects", "conduct and character", "studied", "semester",
    "schule", "ecole", "lycee", "escuela", "colegio", "escola", "scuola", "alumno", "alumna",
    "aluno", "aluna", "eleve", "schuler", "studente", "leerling", NULL};
static const char *const ident_s[] = {
    "passport", "identity card", "driving licence", "driver license", "reisepass",
    "personalausweis", "carte nationale d identite", "permis de conduire", "pasaporte",
    "documento nacional de identidad", "passeport", "residence permit", NULL};
static const char *const ident_w[] = {
    "nationality", "date of expiry", "surname", "given names", "place of birth", "authority",
    "date of issue", "sex", "nationalite", "staatsangehorigkeit", "nacionalidad", NULL};

/* The words a title names a document by (folded; English, German, French,
 * Spanish, Italian, Dutch, Portuguese). */
static const char *const document_nouns[] = {
    "certificate", "certificates", "extract", "extracts", "entry", "statement", "summary",
    "agreement", "contract", "letter", "bill", "invoice", "slip", "advice", "record", "records",
    "register", "transcript", "award", "confirmation", "verification", "reference", "licence",
    "license", "lease", "notice", "report", "declaration", "copy", "check", "clearance",
    "bescheinigung", "urkunde", "auszug", "nachweis", "vertrag", "rechnung", "abrechnung",
    "zeugnis", "acte", "extrait", "attestation", "certificat", "releve", "contrat", "facture",
    "bulletin", "fiche", "avis", "quittance", "certificado", "certificacion", "extracto",
    "contrato", "factura", "recibo", "constancia", "partida", "acta", "certificato", "estratto",
    "contratto", "bolletta", "uittreksel", "verklaring", "overeenkomst", "akte", "certidao",
    "dichiarazione", "declaracao", "fatura", "factuur", "nota", "account", "afschrift", "estrato",
    "extrato", "cedolino", "carta", "attestazione", "bestatigung", "receipt", "receipts",
    "passbook", "stub", "quittung", "ricevuta", "kwitantie", "comprobante", "comprovante",
    "atestado", "transcript", "marksheet", NULL};

/* What a type's documents are about, as their titles say it: folded words,
 * or word beginnings where they end in '*' ("marri*": marriage, married,
 * marriages). Counted on a title line only (see the top of this file). */
static const char *const birth_t[] = {
    "birth", "births", "born", "naissance", "nacimiento", "nascita", "geboorte", "nascimento",
    "geburt*", NULL};
static const char *const marriage_t[] = {
    "marri*", "wedding", "matrimon*", "mariage", "heirat*", "huwelijk*", "casamento", "spouse*",
    "nuptial", "civil partnership", NULL};
static const char *const bank_t[] = {
    "bank", "banking", "account", "accounts", "savings", "compte", "cuenta", "conto", "rekening",
    "konto*", "bancari*", "balance", "saldo", "salden*", "solde", "passbook", NULL};
static const char *const payslip_t[] = {
    "pay", "payslip", "salary", "wage", "wages", "earnings", "payroll", "remuneration", "paie",
    "salaire", "nomina", "salario", "gehalt*", "lohn*", "entgelt*", "loon*", "verdienst*", "sueldo",
    NULL};
static const char *const employ_t[] = {
    "employ*", "emploi", "employeur", "empleo", "laboral", "trabajo", "travail", "service",
    "arbeit*", "beschaftig*", "werkgever*", "lavoro", "trabalho", "datore", "employer*",
    "experience", "job", NULL};
static const char *const utility_t[] = {
    "electricity", "electric", "gas", "energy", "water", "fuel", "utility", "utilities",
    "broadband", "telephone", "phone", "internet", "council tax", "electricite", "electricidad",
    "agua", "eau", "energie", "strom*", "wasser*", "gaz", "property tax", "elettric*",
    "eletricidade", "energia", "mobile", NULL};
static const char *const tenancy_t[] = {
    "tenancy", "tenant", "tenants", "rental", "rent", "lease", "letting", "landlord", "miet*",
    "bail", "location", "arrendamiento", "alquiler", "locazione", "huur*", "arrendamento",
    "aluguel", "aluguer", "locacao", "locacion", "loyer", "affitto", NULL};
static const char *const police_t[] = {
    "criminal", "police", "conviction*", "good conduct", "penal*", "judicial", "judiciaire",
    "casier", "casellario", "antecedentes", "disclosure", "strafregister", "fuhrungszeugnis",
    "gedrag", "antecedent*", "nbi", NULL};
static const char *const diploma_t[] = {
    "diploma", "degree", "transcript", "graduat*", "bachelor", "master", "university",
    "academic", "diplome", "titulo", "laurea", "licenciatura", "universit*", "completion",
    "course", "programme", "studies", "curso", "testamur", "enrol*", "enroll*", "school",
    "schooling", "secondary", "matricul*", "scolarite", "scolaire", "escolar", "education",
    "educational", NULL};

static const char *const *const title_words[DS_PC_COUNT] = {
    [DS_PC_BIRTH_CERTIFICATE] = birth_t,   [DS_PC_MARRIAGE_CERTIFICATE] = marriage_t,
    [DS_PC_BANK_STATEMENT] = bank_t,       [DS_PC_PAYSLIP] = payslip_t,
    [DS_PC_EMPLOYMENT_LETTER] = employ_t,  [DS_PC_UTILITY_BILL] = utility_t,
    [DS_PC_TENANCY_AGREEMENT] = tenancy_t, [DS_PC_POLICE_CERTIFICATE] = police_t,
    [DS_PC_DIPLOMA] = diploma_t,
};

/* What a title naming a document and a type's subject scores that type. */
#define TITLE_WORD_SCORE 5

static const cue_set cue_sets[] = {
    {DS_PC_BIRTH_CERTIFICATE, birth_s, birth_w},
    {DS_PC_MARRIAGE_CERTIFICATE, marriage_s, marriage_w},
    {DS_PC_BANK_STATEMENT, bank_s, bank_w},
    {DS_PC_PAYSLIP, payslip_s, payslip_w},
    {DS_PC_EMPLOYMENT_LETTER, employ_s, employ_w},
    {DS_PC_UTILITY_BILL, utility_s, utility_w},
    {DS_PC_TENANCY_AGREEMENT, tenancy_s, tenancy_w},
    {DS_PC_POLICE_CERTIFICATE, police_s, police_w},
    {DS_PC_DIPLOMA, diploma_s, diploma_w},
    {DS_PC_IDENTITY, ident_s, ident_w},
};
#define NSETS ((int)(sizeof cue_sets / sizeof cue_sets[0]))

#define CLASS_TEXT_MAX (64 * 1024)
#define LINE_TEXT_MAX 1024
#define LINE_WORDS_MAX 256

/* The folded text of the page (lines as " a b c ", one after the other)
 * and, for each byte, whether its line is printed large. */
typedef struct folded {
    char text[CLASS_TEXT_MAX];
    unsigned char big[CLASS_TEXT_MAX];
    size_t len;
    /* The title lines, " a b c " each one after the other: large lines in
     * the top half of the page that name a document. */
    char titles[LINE_TEXT_MAX * 2];
} folded;

static bool in_word_list(const char *const *list, const char *w, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncmp(*list, w, n) == 0)
            return true;
    return false;
}

/* Whether the n bytes at w end in a document noun of min letters or
 * more (six for a title), after at least three letters of their own: a
 * German compound names its document last ("Verdienstbescheinigung",
 * "Jahresrechnung"). */
static bool compound_document(const char *w, size_t n, size_t min)
{
    for (const char *const *d = document_nouns; *d; d++) {
        size_t k = strlen(*d);
        if (k >= min && n >= k + 3 && strncmp(w + n - k, *d, k) == 0)
            return true;
    }
    return false;
}

bool ds_sup_document_word(const char *word)
{
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(word ? word : "", f, sizeof f); /* "LANDLORD'S" -> "landlord s" */
    for (char *p = f; *p;) {
        size_t n = strcspn(p, " ");
        /* A compound's noun of seven letters or more: names end in
         * shorter ones ("Schletter"). */
        if (n >= 6 && (in_word_list(document_nouns, p, n) || compound_document(p, n, 7)))
            return true;
        p += n;
        p += strspn(p, " ");
    }
    return false;
}

/* Whether the folded line " a b c " names a document (one of its words
 * is a document noun, or a compound ending in one). */
static bool names_document(const char *line)
{
    for (const char *p = line; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n && (in_word_list(document_nouns, p, n) || compound_document(p, n, 6)))
            return true;
        p += n;
    }
    return false;
}

/* A letter's subject line says what the letter is as a title does, in
 * the body's type: one led by "Re:", "Betreff", "Objet", "Asunto" ...,
 * or the line right above the salutation ("Your annual electricity
 * statement" / "Dear Customer,"). Folded words each. */
static const char *const subject_leads[] = {
    "re", "subject", "betreff", "objet", "asunto", "oggetto", "assunto", "betreft", "concerne", NULL};
static const char *const salutations[] = {
    "dear", "sehr geehrte", "sehr geehrter", "sehr geehrte damen", "madame", "monsieur",
    "estimado", "estimada", "estimados", "estimado a", "muy senor", "muy senores",
    "to whom it may concern", "gentile", "gentili", "egregio", "geachte", "cher", "chere",
    "caro", "cara", "prezado", "prezada", "exmo", "exma", "hello", "guten tag", "bonjour", NULL};

/* Whether the folded line " a b c " starts with one of the phrases. */
static bool line_starts(const char *line, const char *const *phrases)
{
    for (; *phrases; phrases++) {
        size_t n = strlen(*phrases);
        if (strncmp(line + 1, *phrases, n) == 0 && line[1 + n] == ' ')
            return true;
    }
    return false;
}

/* The first of a type's title words on a title line of f, or NULL. */
static const char *title_word(const folded *f, const char *const *list)
{
    for (; list && *list; list++) {
        char pat[64];
        size_t n = strlen(*list);
        bool stem = n > 1 && (*list)[n - 1] == '*';
        int k = snprintf(pat, sizeof pat, " %.*s%s", (int)(stem ? n - 1 : n), *list, stem ? "" : " ");
        if (k > 0 && (size_t)k < sizeof pat && strstr(f->titles, pat))
            return *list;
    }
    return NULL;
}

static int int_cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* A word read at least this surely counts for the body text's height. */
#define CLASS_CLEAR_CONF 60.0f

static int alnum_count(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += isalnum((unsigned char)*s) != 0;
    return n;
}

/* Whether a line is printed in capitals, as titles are ("EMPLOYMENT
 * CERTIFICATE"): six letters or more, at most one in ten small. Capitals
 * have no ascenders over the body's small letters, so a line of them 1.15
 * times the body's median height is printed larger than the body. */
static bool capitals(const char *raw)
{
    int up = 0, low = 0;
    for (const unsigned char *p = (const unsigned char *)raw; *p; p++) {
        up += isupper(*p) != 0;
        low += islower(*p) != 0;
    }
    return up >= 6 && low * 10 <= up + low;
}

/* Adds the folded line pad (" a b c ") to f's titles when it names a
 * document and has room. */
static void add_title(folded *f, size_t *tlen, const char *pad)
{
    size_t n = strlen(pad);
    if (*tlen + n + 1 < sizeof f->titles && names_document(pad)) {
        memcpy(f->titles + *tlen, pad, n + 1);
        *tlen += n;
    }
}

static void fold_page(const ds_sup_text *t, folded *f)
{
    f->len = 0;
    f->text[0] = 0;
    f->titles[0] = 0;
    if (t->nwords <= 0)
        return;
    /* The page's height: its own, else the words' extent. */
    int page_h = t->page_h;
    if (page_h <= 0)
        for (int i = 0; i < t->nwords; i++)
            if (t->w[i].box[1] + t->w[i].box[3] > page_h)
                page_h = t->w[i].box[1] + t->w[i].box[3];
    size_t tlen = 0;
    /* The body text height: the median height of the words read clearly
     * (60 or more, two letters or digits), when there are five of them:
     * a form's comb boxes read as marks are as tall as their boxes. */
    int *h = malloc(sizeof *h * (size_t)t->nwords);
    int median = 0;
    if (h) {
        int nh = 0;
        for (int i = 0; i < t->nwords; i++)
            if (t->w[i].conf >= CLASS_CLEAR_CONF && alnum_count(t->w[i].text) >= 2)
                h[nh++] = t->w[i].box[3];
        if (nh < 5)
            for (nh = 0; nh < t->nwords; nh++)
                h[nh] = t->w[nh].box[3];
        qsort(h, (size_t)nh, sizeof *h, int_cmp);
        median = h[nh / 2];
        free(h);
    }
    int i = 0;
    int lh[LINE_WORDS_MAX];
    /* The line before (padded, folded), whether it was taken as a title,
     * and whether it lay in the top half. */
    char prev[LINE_TEXT_MAX + 3] = "";
    bool prev_title = false, prev_top = false;
    while (i < t->nwords) {
        int line = t->w[i].line, j = i, nh = 0, top = t->w[i].box[1];
        char raw[LINE_TEXT_MAX], fl[LINE_TEXT_MAX];
        size_t k = 0;
        raw[0] = 0;
        for (; j < t->nwords && t->w[j].line == line; j++) {
            if (nh < LINE_WORDS_MAX)
                lh[nh++] = t->w[j].box[3];
            size_t wl = strlen(t->w[j].text);
            if (k + wl + 2 < sizeof raw) {
                if (k)
                    raw[k++] = ' ';
                memcpy(raw + k, t->w[j].text, wl);
                k += wl;
                raw[k] = 0;
            }
        }
        ds_text_fold(raw, fl, sizeof fl);
        size_t fl_len = strlen(fl);
        /* A line is large when its middle word is: one tall box (a word
         * boxed together with the line below) does not make a label line
         * a title. */
        qsort(lh, (size_t)nh, sizeof *lh, int_cmp);
        int lineh = nh ? lh[nh / 2] : 0;
        bool big = median > 0 && (lineh * 10 >= median * 13 || (lineh * 20 >= median * 23 && capitals(raw)));
        char pad[LINE_TEXT_MAX + 3];
        snprintf(pad, sizeof pad, " %s ", fl);
        bool top_half = top * 2 < page_h;
        bool title = top_half && (big || line_starts(pad, subject_leads));
        if (title)
            add_title(f, &tlen, pad);
        /* The subject above a salutation. */
        if (prev_top && !prev_title && line_starts(pad, salutations))
            add_title(f, &tlen, prev);
        memcpy(prev, pad, sizeof prev);
        prev_title = title;
        prev_top = top_half;
        if (f->len + fl_len + 3 < CLASS_TEXT_MAX) {
            f->text[f->len] = ' ';
            f->big[f->len++] = big;
            memcpy(f->text + f->len, fl, fl_len);
            memset(f->big + f->len, big, fl_len);
            f->len += fl_len;
            f->text[f->len] = ' ';
            f->big[f->len++] = big;
            f->text[f->len] = 0;
        }
        i = j;
    }
}

/* Where " phrase " occurs in f (the offset of its first letter), or -1. */
static long find_phrase(const folded *f, const char *phrase)
{
    char pat[96];
    int n = snprintf(pat, sizeof pat, " %s ", phrase);
    if (n <= 0 || (size_t)n >= sizeof pat)
        return -1;
    const char *p = strstr(f->text, pat);
    return p ? (long)(p - f->text) + 1 : -1;
}

/* Whether the n bytes at s read exactly as a field caption
 * (support_labels.h: "date de naissance"). */
static bool is_caption(const char *s, size_t n)
{
    for (int j = 0; j < ds_sup_nlabels; j++)
        if (strlen(ds_sup_labels[j].phrase) == n && strncmp(ds_sup_labels[j].phrase, s, n) == 0)
            return true;
    return false;
}

/* Whether the n bytes at s read exactly as a cue phrase of any type
 * ("electricite" is no misread "electricity": it counts as itself). */
static bool is_cue(const char *s, size_t n)
{
    for (int c = 0; c < NSETS; c++)
        for (int pass = 0; pass < 2; pass++)
            for (const char *const *p = pass ? cue_sets[c].weak : cue_sets[c].strong; *p; p++)
                if (strlen(*p) == n && strncmp(*p, s, n) == 0)
                    return true;
    return false;
}

/* Where a span of f's words of m bytes (at most max edits from the n
 * bytes of phrase) starts, or -1: the span starts and ends at word
 * boundaries, stays on one line (lines are joined by two spaces), lies on
 * large lines when big_only, and does not read exactly as a field caption
 * ("Date de naissance" is no misread "Acte de naissance"). A quick look at
 * the first two letters skips the spans one edit cannot reach. */
static long find_near(const folded *f, const char *phrase, int n, int max, bool big_only)
{
    for (size_t i = 1; i < f->len; i++) {
        if ((big_only && !f->big[i]) || f->text[i - 1] != ' ' || f->text[i] == ' ')
            continue;
        if (max == 1 && f->text[i] != phrase[0] && f->text[i] != phrase[1] && f->text[i + 1] != phrase[1] &&
            f->text[i + 1] != phrase[0])
            continue;
        for (int m = n - max; m <= n + max; m++) {
            if (m < 1 || i + (size_t)m > f->len)
                continue;
            const char *span = f->text + i;
            if (span[m] != ' ' || span[m - 1] == ' ' || (big_only && !f->big[i + (size_t)m - 1]))
                continue;
            int k = 1;
            while (k < m && !(span[k] == ' ' && span[k - 1] == ' '))
                k++;
            if (k < m)
                continue;
            if (ds_edit_distance_n(phrase, (size_t)n, span, (size_t)m, max) <= max && !is_caption(span, (size_t)m) &&
                !is_cue(span, (size_t)m))
                return (long)i;
        }
    }
    return -1;
}

/* A cue phrase of at least CLASS_FUZZY_MIN letters misread by one letter
 * anywhere on the page ("Current Aecount", "certificaze"); a title cue
 * misread on a large line ("ALLESTATION EMPLOYEUR") by up to two (one
 * under 16 letters). Identity captions are never taken misread: a
 * supporting page quoting a passport stays what it is. */
#define CLASS_FUZZY_MIN 10

/* Where the weak cue phrase occurs in f, exactly or one letter off, or -1. */
static long find_cue(const folded *f, const char *phrase, bool fuzzy)
{
    long at = find_phrase(f, phrase);
    int n = (int)strlen(phrase);
    if (at >= 0 || !fuzzy || n < CLASS_FUZZY_MIN)
        return at;
    return find_near(f, phrase, n, 1, false);
}

/* A strong (title) cue: as find_cue, on a large line up to two letters
 * off; or, for a one-word phrase of 8 letters or more, a word it ends
 * (German compounds put the head noun last: "Wohnraummietvertrag").
 * Where, or -1. */
static long find_title(const folded *f, const char *phrase)
{
    long at = find_phrase(f, phrase);
    if (at >= 0)
        return at;
    int n = (int)strlen(phrase);
    if (!strchr(phrase, ' ') && n >= 8) {
        for (const char *p = strstr(f->text, phrase); p; p = strstr(p + 1, phrase)) {
            long off = (long)(p - f->text);
            if (off > 0 && p[n] == ' ' && p[-1] != ' ')
                return off;
        }
    }
    if (n < CLASS_FUZZY_MIN)
        return -1;
    at = find_near(f, phrase, n, n < 16 ? 1 : 2, true);
    return at >= 0 ? at : find_near(f, phrase, n, 1, false);
}

/* A receipt for rent, however its title was read: a receipt's words
 * ("received with thanks from ... the sum of ...") and a rent payment's
 * ("towards rent for the month of", "being rent for") on one page. It
 * scores the tenancy type as a title phrase does. */
static const char *const receipt_words[] = {
    "received with thanks", "received from", "received the sum", "received a sum",
    "received the amount", "the sum of", "recibi de", "recibimos de", "recebi de", "recebemos de",
    "recu de", "avons recu", "erhalten von", "ricevuto da", "ricevo da", "ontvangen van", NULL};
static const char *const rent_payment[] = {
    "towards rent", "being rent", "as rent", "rent for the month", "rent for the months",
    "rent for the period", "rent for the premises", "rent of the premises", "on account of rent",
    "house rent for", "rent due for", "loyer du mois", "loyer de", "alquiler del mes",
    "alquiler correspondiente", "renta del mes", "aluguel do mes", "aluguel referente",
    "aluguer do mes", "miete fur", "affitto del mese", "canone di locazione", "huur over", NULL};
#define RECEIPT_SCORE 5

static bool any_phrase(const folded *f, const char *const *list)
{
    for (; *list; list++)
        if (find_phrase(f, *list) >= 0)
            return true;
    return false;
}

void ds_sup_classify(const ds_sup_text *t, ds_sup_class *out)
{
    memset(out, 0, sizeof *out);
    out->type = DS_PC_OTHER;
    if (!t || t->nwords == 0)
        return;
    folded *f = malloc(sizeof *f);
    if (!f)
        return;
    fold_page(t, f);
    int score[NSETS];
    int best = -1, second = -1;
    for (int s = 0; s < NSETS; s++) {
        score[s] = 0;
        for (const char *const *p = cue_sets[s].strong; *p; p++) {
            long at = find_title(f, *p);
            if (at >= 0)
                score[s] += f->big[at] ? 7 : 5;
        }
        bool fuzzy = cue_sets[s].type != DS_PC_IDENTITY;
        for (const char *const *p = cue_sets[s].weak; *p; p++)
            score[s] += find_cue(f, *p, fuzzy) >= 0;
        if (title_word(f, title_words[cue_sets[s].type]))
            score[s] += TITLE_WORD_SCORE;
        if (cue_sets[s].type == DS_PC_TENANCY_AGREEMENT && any_phrase(f, receipt_words) &&
            any_phrase(f, rent_payment))
            score[s] += RECEIPT_SCORE;
        if (cue_sets[s].type == DS_PC_IDENTITY)
            out->identity_score = score[s];
        if (best < 0 || score[s] > score[best]) {
            second = best;
            best = s;
        } else if (second < 0 || score[s] > score[second]) {
            second = s;
        }
    }
    int sb = score[best], ss = second >= 0 ? score[second] : 0;
    out->score = sb;
    out->runner_up = ss;
    if (sb >= 5 && sb - ss >= 3) {
        const cue_set *c = &cue_sets[best];
        out->type = c->type;
        double conf = 0.5 + 0.04 * sb;
        conf *= 1.0 - 0.5 * (double)ss / (double)sb;
        out->confidence = conf > 0.99 ? 0.99 : conf;
        if (c->type == DS_PC_TENANCY_AGREEMENT && any_phrase(f, receipt_words) && any_phrase(f, rent_payment) &&
            out->nevidence < DS_SUP_EVIDENCE_MAX)
            snprintf(out->evidence[out->nevidence++], DS_SUP_EVIDENCE_LEN, "receipt for rent");
        const char *tw = title_word(f, title_words[c->type]);
        for (int pass = 0; pass < 2; pass++) {
            const char *const *list = pass == 0 ? c->strong : c->weak;
            if (pass == 1 && tw && out->nevidence < DS_SUP_EVIDENCE_MAX)
                snprintf(out->evidence[out->nevidence++], DS_SUP_EVIDENCE_LEN, "title word: %.*s",
                         (int)strcspn(tw, "*"), tw);
            for (const char *const *p = list; *p && out->nevidence < DS_SUP_EVIDENCE_MAX; p++)
                if ((pass == 0 ? find_title(f, *p) : find_cue(f, *p, c->type != DS_PC_IDENTITY)) >= 0)
                    snprintf(out->evidence[out->nevidence++], DS_SUP_EVIDENCE_LEN, "%s%s",
                             pass == 0 ? "title: " : "", *p);
        }
    }
    free(f);
}

bool ds_sup_identity_wording(const ds_sup_class *c)
{
    /* A title scores at least 5 and a caption 1 (ds_sup_classify). */
    return c && c->identity_score >= DS_SUP_IDENTITY_WORDS;
}
