// Builds an explain finding; the category is the id's first part, so the two cannot disagree.
import { CATEGORIES, type Category, type Finding, type Severity } from '../types/diagnostic.js';

export function cause(id: string, severity: Severity, message: string, fix: string): Finding {
  const category = id.split('/')[0] as Category;
  if (!CATEGORIES.includes(category)) throw new Error(`explain finding id ${id} has no known category`);
  return { id, category, severity, message, fix };
}
