/**
 * Reported fact or forecast: `Germany predicted the refugee number could reach as high as 10 million` is a
 * forecast, and must not be compared with counts.
 */
import type { Modality } from '../types.ts';

const FORECAST_BEFORE =
  /\b(?:(?:could|may|might|will|would|is\s+expected\s+to|are\s+expected\s+to|expected\s+to|is\s+likely\s+to|are\s+likely\s+to|set\s+to|on\s+course\s+to|projected\s+to|forecast\s+to|predicted\s+to)\s+(?:\w+\s+){0,2}?(?:reach|rise|climb|top|hit|exceed|grow|increase|surpass|double|triple|total|be|number|swell|soar|jump)|predicts?|predicted|forecasts?|projects?|projected|projection|expects?|anticipates?|worst-case|scenario)\b/i;

/** "another 1,700 expected to leave on Thursday": the expectation follows the figure. */
const FORECAST_AFTER =
  /^\W*(?:[\w-]+\s+){0,2}?(?:(?:are|is|were|was)\s+)?(?:expected|due|set|scheduled|likely|projected|forecast|predicted|feared)\s+to\b|^\W*(?:[\w-]+\s+){0,2}?(?:will|would|could|may|might)\s+(?:\w+\s+)?(?:leave|arrive|flee|reach|need|be\s+(?:displaced|evacuated))\b/i;

/**
 * `lead`: the clause before the figure; `after`: the words after it; `attributedForecast`: the attribution
 * verb is a forecast verb.
 */
export function readModality(lead: string, after: string, attributedForecast: boolean): Modality {
  return attributedForecast || FORECAST_BEFORE.test(lead.slice(-160)) || FORECAST_AFTER.test(after)
    ? 'forecast'
    : 'reported';
}
