import type { FactValue } from '../rules';
import type { ExchangeSubjectType } from './consent';

/** A name in both languages. */
export interface Label {
  zh: string;
  en: string;
}

/**
 * A registry as a provider on the exchange (共享数据源): one dataset with typed fields, answering for one subject
 * at a time. The directory below hands out only the fields a caller asks for; which fields a caller may ask for
 * is the caller's business (a service item declares them) and the exchange logs what was asked.
 */
export interface RegistryProvider {
  /** `<registry>`, e.g. `household`; the exchange logs it as `registry.<dataset>`. */
  dataset: string;
  name: Label;
  /** The registry that keeps it (公安户籍库, 市场监管局…). */
  keeper: Label;
  subjectType: ExchangeSubjectType;
  fields: Readonly<Record<string, Label>>;
  /** Every field of the subject's record, or null when the registry has none for the subject. */
  lookup(subjectId: string): Promise<Record<string, FactValue> | null>;
}

export type ProviderDirectory = ReturnType<typeof createProviderDirectory>;

/** The exchange's dataset name for a registry: what consents and the access log carry. */
export const registryDataset = (dataset: string): string => `registry.${dataset}`;

/** The registries the platform can query, by dataset; assembled once when the platform starts. */
export function createProviderDirectory(providers: readonly RegistryProvider[]) {
  const byDataset = new Map<string, RegistryProvider>();
  for (const provider of providers) {
    if (byDataset.has(provider.dataset)) throw new Error(`two providers for dataset "${provider.dataset}"`);
    byDataset.set(provider.dataset, provider);
  }
  return {
    get: (dataset: string): RegistryProvider | null => byDataset.get(dataset) ?? null,
    list: (): RegistryProvider[] => [...byDataset.values()],
    /** Null when the field exists, else why not (for validating declarations). */
    fieldProblem(dataset: string, field: string): string | null {
      const provider = byDataset.get(dataset);
      if (!provider) return `unknown registry dataset "${dataset}"`;
      return field in provider.fields ? null : `registry "${dataset}" has no field "${field}"`;
    },
    /**
     * Only the named fields of the subject's record (null when the registry has none). Unknown fields are a
     * programming error here: callers validate declarations when they load them.
     */
    async fetch(dataset: string, subjectId: string, fields: readonly string[]) {
      const provider = byDataset.get(dataset);
      if (!provider) throw new Error(`unknown registry dataset "${dataset}"`);
      for (const field of fields)
        if (!(field in provider.fields)) throw new Error(`registry "${dataset}" has no field "${field}"`);
      const record = await provider.lookup(subjectId);
      if (!record) return null;
      return Object.fromEntries(fields.map((field) => [field, record[field] ?? null])) as Record<
        string,
        FactValue
      >;
    },
  };
}
