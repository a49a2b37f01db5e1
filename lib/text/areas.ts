import type { AreaId } from '../model/competence-areas';
import { t } from './i18n';

// An area's name for the reader: Swedish as the site names it, English in English.

export function areaLabel(id: AreaId): string {
  return t(`area_${id}`);
}
