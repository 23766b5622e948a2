/**
 * Article templates in English, French, German and Spanish (written for the soak benchmark).
 * @module
 */
import type { LanguagePack } from './article-templates.js';

export const en: LanguagePack = {
  lang: 'en',
  joiner: ' ',
  states: [
    ['North Korea', 'Russia'],
    ['Russia', 'North Korea'],
    ['Iran', 'Russia'],
    ['China', 'Pakistan'],
    ['Pakistan', 'China'],
    ['The United States', 'South Korea'],
  ],
  places: [
    'the east coast',
    'a test site in the north',
    'the Yellow Sea',
    'a launch pad near the border',
    'the capital region',
  ],
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  quoted: [
    'the defence ministry',
    'a government spokesperson',
    'two officials familiar with the matter',
    'the joint chiefs of staff',
    'analysts at a Seoul think tank',
  ],
  titles: [
    (s) => `${s.a} fires missile toward ${s.p}`,
    (s) => `Officials weigh response after test on ${s.d}`,
    (s) => `${s.a} and ${s.b} sign new cooperation deal`,
    (s) => `Markets steady as traders await ${s.d} data`,
    (s) => `City council approves budget of ${s.n} million`,
  ],
  news: [
    (s) => `${s.a} launched a ballistic missile from ${s.p} on ${s.d}, ${s.o} said.`,
    (s) =>
      `The missile flew about ${s.n} kilometres and reached an altitude of ${s.m} kilometres before falling into the sea, according to ${s.o}.`,
    (s) =>
      `${s.a} delivered ${s.n} containers of artillery shells to ${s.b} by rail, ${s.o} said on ${s.d}.`,
    (s) =>
      `Satellite images taken on ${s.d} show new construction at a uranium enrichment site, with about ${s.n} centrifuges believed to be installed.`,
    (s) =>
      `Delegations from ${s.a} and ${s.b} met for talks on ${s.d} and agreed to expand military cooperation, ${s.o} said.`,
    (s) =>
      `${s.a} denied reports that it had supplied missile technology to ${s.b}, calling them groundless.`,
    (s) =>
      `The sanctions committee said in a report that ${s.n} shipments had evaded the embargo over the past year.`,
  ],
  everyday: [
    (s) =>
      `Temperatures are expected to reach ${s.m} degrees on ${s.d}, with light rain in the afternoon.`,
    (s) => `The main stock index rose ${s.m} points in early trading as exporters gained.`,
    (s) => `The home side won ${s.m}-1 in front of ${s.n} spectators on ${s.d}.`,
    (s) => `Local authorities said the new bridge would open to traffic within ${s.m} months.`,
    (s) => `Ticket sales for the festival passed ${s.n} by ${s.d}, organisers said.`,
  ],
};

export const fr: LanguagePack = {
  lang: 'fr',
  joiner: ' ',
  states: [
    ['Pyongyang', 'Moscou'],
    ['Moscou', 'Pyongyang'],
    ['Téhéran', 'Moscou'],
    ['Pékin', 'Islamabad'],
    ['Washington', 'Séoul'],
  ],
  places: [
    'la côte est',
    'un site d’essai du nord',
    'la mer Jaune',
    'une base près de la frontière',
  ],
  days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  quoted: [
    'le ministère de la Défense',
    'un porte-parole du gouvernement',
    'des responsables militaires',
    'l’état-major',
  ],
  titles: [
    (s) => `${s.a} procède à un nouveau tir de missile`,
    (s) => `Rencontre entre ${s.a} et ${s.b} sur la coopération militaire`,
    (s) => `La Bourse termine en hausse de ${s.m} points`,
    (s) => `Le conseil municipal adopte un budget de ${s.n} millions`,
  ],
  news: [
    (s) => `${s.a} a tiré ${s.d} un missile balistique depuis ${s.p}, selon ${s.o}.`,
    (s) => `L’engin a parcouru environ ${s.n} kilomètres avant de tomber en mer, a précisé ${s.o}.`,
    (s) => `${s.a} aurait livré ${s.n} conteneurs d’obus à ${s.b} par voie ferrée, d’après ${s.o}.`,
    (s) =>
      `Des images satellite prises ${s.d} montrent des travaux sur un site d’enrichissement d’uranium.`,
    (s) =>
      `Les délégations de ${s.a} et de ${s.b} se sont réunies ${s.d} pour étendre leur coopération militaire.`,
    (s) => `${s.a} a démenti avoir transféré une technologie de missiles à ${s.b}.`,
  ],
  everyday: [
    (s) =>
      `Les températures devraient atteindre ${s.m} degrés ${s.d}, avec des averses en fin de journée.`,
    (s) => `L’équipe locale s’est imposée ${s.m} à 1 devant ${s.n} spectateurs.`,
    (s) => `La mairie a annoncé que le nouveau pont ouvrirait d’ici ${s.m} mois.`,
    (s) => `Plus de ${s.n} billets ont été vendus pour le festival, selon les organisateurs.`,
  ],
};

export const de: LanguagePack = {
  lang: 'de',
  joiner: ' ',
  states: [
    ['Pjöngjang', 'Moskau'],
    ['Moskau', 'Pjöngjang'],
    ['Teheran', 'Moskau'],
    ['Peking', 'Islamabad'],
    ['Washington', 'Seoul'],
  ],
  places: ['der Ostküste', 'einem Testgelände im Norden', 'einer Basis nahe der Grenze'],
  days: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  quoted: [
    'das Verteidigungsministerium',
    'ein Regierungssprecher',
    'Militärkreise',
    'der Generalstab',
  ],
  titles: [
    (s) => `${s.a} testet erneut eine Rakete`,
    (s) => `Gespräche zwischen ${s.a} und ${s.b} über Rüstungskooperation`,
    (s) => `Dax schließt ${s.m} Punkte im Plus`,
    (s) => `Stadtrat beschließt Haushalt von ${s.n} Millionen Euro`,
  ],
  news: [
    (s) =>
      `${s.a} hat am ${s.d} eine ballistische Rakete von ${s.p} aus gestartet, teilte ${s.o} mit.`,
    (s) =>
      `Die Rakete flog nach Angaben von Fachleuten rund ${s.n} Kilometer weit und stürzte dann ins Meer.`,
    (s) =>
      `${s.a} soll ${s.n} Container mit Artilleriegranaten per Bahn an ${s.b} geliefert haben.`,
    (s) => `Satellitenbilder vom ${s.d} zeigen Bauarbeiten an einer Anlage zur Urananreicherung.`,
    (s) =>
      `Vertreter aus ${s.a} und ${s.b} vereinbarten am ${s.d} eine engere militärische Zusammenarbeit.`,
  ],
  everyday: [
    (s) => `Am ${s.d} werden bis zu ${s.m} Grad erwartet, am Nachmittag kann es regnen.`,
    (s) => `Die Gastgeber gewannen vor ${s.n} Zuschauern mit ${s.m}:1.`,
    (s) => `Die neue Brücke soll nach Angaben der Stadt in ${s.m} Monaten fertig sein.`,
    (s) => `Für das Festival wurden bereits ${s.n} Karten verkauft.`,
  ],
};

export const es: LanguagePack = {
  lang: 'es',
  joiner: ' ',
  states: [
    ['Pyongyang', 'Moscú'],
    ['Moscú', 'Pyongyang'],
    ['Teherán', 'Moscú'],
    ['Pekín', 'Islamabad'],
    ['Washington', 'Seúl'],
  ],
  places: ['la costa este', 'un polígono de pruebas en el norte', 'una base cerca de la frontera'],
  days: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  quoted: ['el Ministerio de Defensa', 'un portavoz del Gobierno', 'fuentes militares'],
  titles: [
    (s) => `${s.a} lanza un nuevo misil balístico`,
    (s) => `${s.a} y ${s.b} acuerdan ampliar su cooperación militar`,
    (s) => `La bolsa sube ${s.m} puntos en la apertura`,
  ],
  news: [
    (s) => `${s.a} lanzó el ${s.d} un misil balístico desde ${s.p}, según ${s.o}.`,
    (s) => `El proyectil recorrió unos ${s.n} kilómetros antes de caer al mar, precisó ${s.o}.`,
    (s) =>
      `${s.a} habría enviado ${s.n} contenedores de munición de artillería a ${s.b} por ferrocarril.`,
    (s) =>
      `Representantes de ${s.a} y ${s.b} se reunieron el ${s.d} para ampliar su cooperación militar.`,
  ],
  everyday: [
    (s) => `Se esperan temperaturas de hasta ${s.m} grados el ${s.d}.`,
    (s) => `El equipo local ganó por ${s.m} a 1 ante ${s.n} espectadores.`,
    (s) => `El ayuntamiento indicó que el nuevo puente abrirá en ${s.m} meses.`,
  ],
};
