/* tables.c - the fixed, fictional geography of the demo world: countries, leagues, clubs,
 * positions and the name lists players' names are built from. Names are invented
 * combinations; any likeness to a real person or club is accidental. */
#include "gen.h"

#include <string.h>

enum culture { C_EN, C_ES, C_DE, C_FR, C_SL, C_LA, C_PT, C_WA, C_TR, C_NO, N_CULTURES };

const gen_country gen_countries[GEN_N_COUNTRIES] = {
    {"Aurelia", "xa AUR", C_EN},  {"Castella", "xc CAS", C_ES}, {"Borealia", "xb BOR", C_DE},
    {"Valmoria", "xv VAL", C_FR}, {"Dravonia", "xd DRA", C_SL}, {"Miraval", "xm MIR", C_LA},
    {"Kesteria", "xk KES", C_PT}, {"Ondara", "xo OND", C_WA},   {"Tarsova", "xt TAR", C_TR},
    {"Norvik", "xn NRV", C_NO},
};

/* Levels order the leagues by price as the fee model's league effects do: Aurelian first. */
const gen_league gen_leagues[GEN_N_LEAGUES] = {
    {"Aurelian Premier League", 0, 20, 38, 1.30, 0.70},
    {"Castellan Primera", 1, 20, 38, 1.05, 0.75},
    {"Borealian Meisterliga", 2, 18, 34, 0.85, 0.75},
    {"Valmorian Ligue", 3, 18, 34, 0.75, 0.70},
    {"Dravonian Superliga", 4, 18, 34, 0.10, 0.60},
};

/* Covered clubs are listed best first within their league; their strength follows the rank. */
const gen_club_def gen_club_defs[] = {
    /* Aurelian Premier League */
    {"Ambermouth City", 0, 0, 0}, {"Bramcaster United", 0, 0, 0}, {"Coldwater Rovers", 0, 0, 0},
    {"Dunmore Athletic", 0, 0, 0}, {"Elmsbridge Town", 0, 0, 0}, {"Fenwick Wanderers", 0, 0, 0},
    {"Greyhollow FC", 0, 0, 0}, {"Harlowmere United", 0, 0, 0}, {"Ironbridge Albion", 0, 0, 0},
    {"Kestrelford City", 0, 0, 0}, {"Larkhaven Rangers", 0, 0, 0}, {"Marrowby Athletic", 0, 0, 0},
    {"Northgale Town", 0, 0, 0}, {"Oakhollow Villa", 0, 0, 0}, {"Pellingham Forest", 0, 0, 0},
    {"Quarrington United", 0, 0, 0}, {"Ravensmere Athletic", 0, 0, 0}, {"Saltmarsh Rovers", 0, 0, 0},
    {"Thistledown Wolves", 0, 0, 0}, {"Wexcombe City", 0, 0, 0},
    /* Castellan Primera */
    {"Real Valdoria", 1, 1, 0}, {"Atlético Sierraluz", 1, 1, 0}, {"CD Montecalvo", 1, 1, 0},
    {"Deportivo Arenosa", 1, 1, 0}, {"UD Castrovén", 1, 1, 0}, {"Racing Portolago", 1, 1, 0},
    {"CF Ribaseca", 1, 1, 0}, {"SD Torremira", 1, 1, 0}, {"Real Unión Calbria", 1, 1, 0},
    {"Club Alcaraván", 1, 1, 0}, {"Atlético Mirasol", 1, 1, 0}, {"CD Puerto Celeste", 1, 1, 0},
    {"UD Villafresca", 1, 1, 0}, {"Deportivo Robledal", 1, 1, 0}, {"Real Club Soranza", 1, 1, 0},
    {"CF Las Dunas", 1, 1, 0}, {"SD Lunares", 1, 1, 0}, {"Sporting Olmedilla", 1, 1, 0},
    {"Racing Vallenor", 1, 1, 0}, {"CD Bravaluz", 1, 1, 0},
    /* Borealian Meisterliga */
    {"SV Krennwald", 2, 2, 0}, {"FC Altenbruck", 2, 2, 0}, {"TSV Hohenmark", 2, 2, 0},
    {"VfB Dornhagen", 2, 2, 0}, {"IF Norrvik", 2, 2, 0}, {"Borussia Felsental", 2, 2, 0},
    {"SC Grünhafen", 2, 2, 0}, {"FK Østerbrå", 2, 2, 0}, {"1. FC Wendelstadt", 2, 2, 0},
    {"Union Kaltenfurt", 2, 2, 0}, {"SpVgg Mühlenau", 2, 2, 0}, {"Rot-Weiss Sternhagen", 2, 2, 0},
    {"FC Eisenholm", 2, 2, 0}, {"VfL Brückendorf", 2, 2, 0}, {"SG Tannfeld", 2, 2, 0},
    {"Fortuna Weißenried", 2, 2, 0}, {"Viktoria Rabenstedt", 2, 2, 0}, {"Holstein Marbeck", 2, 2, 0},
    /* Valmorian Ligue */
    {"Stade Vauclerc", 3, 3, 0}, {"Olympique Sabreval", 3, 3, 0}, {"AS Montclairon", 3, 3, 0},
    {"FC Belleroche", 3, 3, 0}, {"RC Lanvallon", 3, 3, 0}, {"Racing Côte-d'Argent", 3, 3, 0},
    {"SC Bastide-Rouge", 3, 3, 0}, {"US Marvaleine", 3, 3, 0}, {"FC Orvillac", 3, 3, 0},
    {"Stade Brévannes", 3, 3, 0}, {"AS Saint-Elvire", 3, 3, 0}, {"Girondins de Pontaval", 3, 3, 0},
    {"OGC Vermeille", 3, 3, 0}, {"EA Castelroux", 3, 3, 0}, {"FC Roche-Sauveterre", 3, 3, 0},
    {"Stade Tourmaline", 3, 3, 0}, {"AC Valbreuse", 3, 3, 0}, {"SM Lézanville", 3, 3, 0},
    /* Dravonian Superliga */
    {"Dinamo Karvošta", 4, 4, 0}, {"Partizan Velgrad", 4, 4, 0}, {"Kartal Yeşilkaya", 4, 4, 0},
    {"Spartak Dravimir", 4, 4, 0}, {"Lokomotiv Soranj", 4, 4, 0}, {"Radnik Belvica", 4, 4, 0},
    {"Slavija Orešnik", 4, 4, 0}, {"Dağspor Erzinova", 4, 4, 0}, {"FK Bistrovac", 4, 4, 0},
    {"Olimpija Zarava", 4, 4, 0}, {"Borac Lipnja", 4, 4, 0}, {"Metalurg Varenik", 4, 4, 0},
    {"Rudar Gorštak", 4, 4, 0}, {"Sloga Miralj", 4, 4, 0}, {"Jedinstvo Plavnik", 4, 4, 0},
    {"Budućnost Ravna", 4, 4, 0}, {"Vardan Kosovec", 4, 4, 0}, {"Mladost Sutjevac", 4, 4, 0},
    /* Outside the five leagues: the world beyond the data (fee category "Other"). */
    {"Club Atlético Puerto Zafiro", 5, -1, 0.60}, {"Deportivo San Ambrosio", 5, -1, 0.40},
    {"Racing Club Quilmar", 5, -1, 0.20}, {"CA Ferroviario Miraval", 5, -1, -0.10},
    {"Independiente Lagoazul", 5, -1, -0.30}, {"Club Sol de Mayo", 5, -1, -0.50},
    {"SC Vila Serena", 6, -1, 0.90}, {"FC Porto Alvorada", 6, -1, 0.70},
    {"CD Ribeira Funda", 6, -1, 0.30}, {"Sporting Caravelas", 6, -1, 0.00},
    {"Académica Monteluz", 6, -1, -0.30}, {"GD Estrela do Mar", 6, -1, -0.60},
    {"ASEC Kouanda", 7, -1, -0.40}, {"Stella Club Abenou", 7, -1, -0.60},
    {"Africa Sports Tanou", 7, -1, -0.80}, {"Jeunesse Bafra", 7, -1, -0.90},
    {"Etoile Rouge Ondara", 7, -1, -1.00}, {"Réveil FC Dabré", 7, -1, -1.20},
    {"Karadağspor", 8, -1, 0.80}, {"Yıldırım Tarsova", 8, -1, 0.60},
    {"Gökdeniz FK", 8, -1, 0.30}, {"Ertuğrulspor", 8, -1, 0.00},
    {"Bozkurt Akçay", 8, -1, -0.30}, {"Sahil Gençlik", 8, -1, -0.60},
    {"IK Fjellvåg", 9, -1, 0.20}, {"Hvalsøy FK", 9, -1, 0.00},
    {"Tromvik IL", 9, -1, -0.20}, {"Kvitstrand BK", 9, -1, -0.40},
    {"Sølvberg IF", 9, -1, -0.60}, {"Nordlys Kjølen", 9, -1, -0.80},
};
const int gen_n_club_defs = (int)(sizeof gen_club_defs / sizeof gen_club_defs[0]);

static const char *const pos_names[GEN_N_POS] = {
    "Goalkeeper",         "Centre-Back",        "Right-Back",  "Left-Back",    "Defensive Midfield",
    "Central Midfield",   "Attacking Midfield", "Left Winger", "Right Winger", "Centre-Forward"};
static const char *const pos_shorts[GEN_N_POS] = {"GK", "CB", "RB", "LB", "DM",
                                                   "CM", "AM", "LW", "RW", "CF"};
static const gen_group pos_groups[GEN_N_POS] = {G_GK, G_DF, G_DF, G_DF, G_MF,
                                                G_MF, G_MF, G_FW, G_FW, G_FW};
static const char *const group_names[GEN_N_GROUPS] = {"GK", "DF", "MF", "FW"};

const char *gen_pos_name(gen_pos p) { return pos_names[p]; }
const char *gen_pos_short(gen_pos p) { return pos_shorts[p]; }
gen_group gen_pos_group(gen_pos p) { return pos_groups[p]; }
const char *gen_group_name(gen_group g) { return group_names[g]; }

/* ---------------------------------------------------------------- names */

/* NULL-terminated lists. Surnames are a stem plus an ending, so they are invented words. */
typedef struct name_lists {
  const char *const *first, *const *stem, *const *ending;
  double special_share;            /* share of surnames drawn whole from `special` */
  const char *const *special;
} name_lists;

#define L(...) ((const char *const[]){__VA_ARGS__, NULL})

static const name_lists cultures[N_CULTURES] = {
    [C_EN] = {L("Oliver", "Harry", "Jack", "Callum", "Reece", "Mason", "Kieran", "Lewis", "Aaron",
                "Connor", "Jamie", "Tom", "Ben", "Ryan", "Nathan", "Owen", "Alfie", "Theo", "Ethan"),
              L("Ash", "Brad", "Cal", "Dun", "Fen", "Hal", "Kel", "Mar", "Pen", "Rad", "Shel",
                "Thorn", "Whit", "Wick", "Yar", "Brom", "Cres", "Holl"),
              L("ford", "ley", "wood", "more", "by", "ton", "worth", "field", "ridge", "well", "combe",
                "shaw", "den", "stock", "brook"),
              0, NULL},
    [C_ES] = {L("Alejandro", "Iker", "Unai", "Sergio", "Álvaro", "Rubén", "Adrián", "Íñigo", "Marcos",
                "Raúl", "Hugo", "Pablo", "Diego", "Gonzalo", "Javier", "Óscar", "Nicolás", "Tomás"),
              L("Alba", "Bel", "Cabr", "Del", "Esc", "Fuen", "Garr", "Ibar", "Lar", "Mend", "Olm",
                "Pard", "Quint", "Rivad", "Sal", "Tob", "Urr", "Vald", "Zam"),
              L("era", "illo", "ández", "ado", "uela", "ino", "ega", "arra", "ón", "ero", "ázar",
                "iño"),
              0, NULL},
    [C_DE] = {L("Lukas", "Jonas", "Felix", "Niklas", "Maximilian", "Leon", "Tim", "Jannik", "Florian",
                "Moritz", "Sören", "Jörg", "Malte", "Henrik", "Tobias", "Lennart", "Mats"),
              L("Adler", "Brück", "Dorn", "Eich", "Fal", "Grün", "Hoff", "Kessel", "Lind", "Müh",
                "Ober", "Reh", "Stein", "Tann", "Wend", "Zell", "Kühn"),
              L("mann", "berg", "ner", "hagen", "ler", "stedt", "bach", "dorf", "holz", "wald",
                "inger", "feld"),
              0, NULL},
    [C_FR] = {L("Théo", "Lucas", "Hugo", "Mathis", "Clément", "Jérémy", "Benoît", "Loïc", "Maxime",
                "Antoine", "Quentin", "Aurélien", "Étienne", "François", "Rémi", "Baptiste",
                "Cédric", "Yanis"),
              L("Bel", "Chau", "Dela", "Fou", "Garç", "Lam", "Marv", "Perr", "Roch", "Ség", "Vau",
                "Lefé", "Bour", "Dur", "Mén"),
              L("ard", "elle", "on", "ier", "eau", "ot", "ais", "in", "ette", "ault", "ès", "ac"),
              0, NULL},
    [C_SL] = {L("Luka", "Marko", "Stefan", "Nikola", "Filip", "Dušan", "Mateja", "Ivan", "Bojan",
                "Emir", "Kerem", "Tarik", "Aleksa", "Milan", "Vuk", "Ognjen"),
              L("Vuk", "Petr", "Jovan", "Marj", "Kov", "Stan", "Dragan", "Milj", "Bor", "Radm",
                "Nov", "Lazar", "Zel", "Krst"),
              L("ović", "ić", "ević", "ac", "inski", "ač", "enko"), 0, NULL},
    [C_LA] = {L("Tobías", "Lisandro", "Facundo", "Gonzalo", "Thiago", "Nahuel", "Franco", "Agustín",
                "Matías", "Santiago", "Emiliano", "Valentín", "Joaquín", "Benjamín", "Ezequiel",
                "Julián", "Bruno"),
              L("Alb", "Bard", "Carr", "Ferr", "Guid", "Lisc", "Marz", "Ocamp", "Pell", "Quir",
                "Ross", "Sosn", "Vier", "Zabal"),
              L("etti", "oni", "ardi", "elli", "anti", "ado", "era", "ano", "uzzi", "ín"), 0, NULL},
    [C_PT] = {L("João", "Gonçalo", "Rúben", "Tiago", "Diogo", "Rafael", "André", "Nuno", "Bernardo",
                "Francisco", "Rodrigo", "Pedro", "Fábio", "Luís", "Vasco"),
              L("Alvar", "Bran", "Carv", "Fons", "Gou", "Lour", "Maced", "Nog", "Per", "Quar",
                "Sarm", "Tav", "Vasc"),
              L("eira", "inho", "ão", "ado", "elo", "ares", "ento", "ça", "oso", "al"), 0, NULL},
    [C_WA] = {L("Yannick", "Seydou", "Ibrahima", "Moussa", "Ismaël", "Serge", "Chérif", "Wilfried",
                "Abdoulaye", "Koffi", "Amadou", "Franck", "Lamine", "Souleymane"),
              L("Kou", "Bam", "Dia", "Tra", "Ouat", "Sang", "Ko", "Ya", "Gba", "Ada", "Zo"),
              L("assi", "ba", "dio", "oré", "tara", "aré", "ugo", "kou", "ngo", "bré"), 0.25,
              L("N'Dakoro", "N'Zué", "N'Goréa", "N'Dalé", "N'Koussa", "N'Tiabé")},
    [C_TR] = {L("Emre", "Burak", "Kerem", "Oğuz", "Arda", "Yiğit", "Berkay", "Çağlar", "Doğan",
                "Ferdi", "Hakan", "Mert", "Ozan", "Serkan", "Tolga", "Uğur"),
              L("Yıl", "Kara", "Ak", "Doğ", "Er", "Göz", "Kay", "Öz", "Şa", "Tun", "Yaz", "Bal"),
              L("maz", "doğan", "soy", "kaya", "taş", "oğlu", "çelik", "demir", "tekin", "han",
                "ağa"),
              0, NULL},
    [C_NO] = {L("Magnus", "Sindre", "Eirik", "Torbjørn", "Håkon", "Ståle", "Jørgen", "Anders", "Kasper",
                "Sondre", "Vegard", "Ola"),
              L("Bjør", "Dal", "Fjell", "Hau", "Lø", "Strø", "Sæ", "Vik", "Holm", "Nord", "Ås"),
              L("gen", "nes", "stad", "by", "rud", "heim", "land", "sen", "vold", "dal"), 0, NULL},
};

static int list_len(const char *const *l) {
  int n = 0;
  while (l[n]) n++;
  return n;
}

static const char *pick(gen_rng *r, const char *const *l) { return l[gen_rng_int(r, list_len(l))]; }

void gen_make_name(gen_rng *r, int culture, char *buf, size_t size,
                   int (*taken)(void *ctx, const char *name), void *ctx) {
  const name_lists *c = &cultures[culture];
  /* Every draw is its own statement: the order in which a call's arguments are evaluated is
   * unspecified in C (GCC and Clang differ), and the files must not depend on the compiler. */
  for (int attempt = 0;; attempt++) {
    const char *first = pick(r, c->first);
    if (c->special && gen_rng_chance(r, c->special_share)) {
      const char *special = pick(r, c->special);
      snprintf(buf, size, "%s %s", first, special);
    } else {
      const char *ending = pick(r, c->ending);
      const char *stem = pick(r, c->stem);
      snprintf(buf, size, "%s %s%s", first, stem, ending);
    }
    /* Past a few hundred tries the lists are exhausted for this culture: a double-barrelled
     * surname keeps names unique (real squads have them too). */
    if (attempt > 200) {
      size_t len = strlen(buf);
      const char *ending = pick(r, c->ending);
      const char *stem = pick(r, c->stem);
      snprintf(buf + len, size - len, "-%s%s", stem, ending);
    }
    if (!taken(ctx, buf)) return;
  }
}
