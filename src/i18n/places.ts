/**
 * Areas whose official name differs by language, as the data (ISTAT) names them: the
 * bilingual names stay whole in Italian and English ("Bolzano/Bozen", "Valle
 * d'Aosta/Vallée d'Aoste"); German uses the names South Tyrol's own administration and
 * the autonomy statute use ("Südtirol", for the Autonome Provinz Bozen – Südtirol;
 * "Trentino-Südtirol", "Trient"); French, the French official name of the Aosta Valley.
 * Every other area keeps its one official name. Each element's German and French words
 * carry these as `places` (placeName in index.ts reads them); a site adds its own with
 * `configure({ strings: { <lang>: { places: { 'Bolzano/Bozen': '…' } } } })`.
 */
export const PLACES_DE: Record<string, string> = {
  'Bolzano/Bozen': 'Südtirol',
  Trento: 'Trient',
  'Trentino-Alto Adige/Südtirol': 'Trentino-Südtirol',
};

export const PLACES_FR: Record<string, string> = {
  "Valle d'Aosta/Vallée d'Aoste": "Vallée d'Aoste",
};
