/** Schemas of the analyst's workbench routes: actors, document facets, saved searches. */
import { z } from 'zod';

export const ActorCountSchema = z.object({ code: z.string(), events: z.number().int() });

export const ActorSchema = z
  .object({
    code: z.string(),
    events: z.number().int(),
    byType: z.array(z.object({ type: z.string(), events: z.number().int() })),
    byPartner: z.array(z.object({ partner: z.string().nullable(), events: z.number().int() })),
    periods: z
      .array(
        z.object({
          month: z
            .string()
            .meta({ description: 'YYYY-MM of the event date (first sighting when undated)' }),
          type: z.string(),
          partner: z.string().nullable(),
          events: z.number().int(),
        }),
      )
      .meta({ description: 'Events per month, type and partner, oldest month first' }),
  })
  .meta({ id: 'Actor' });

const FacetValueSchema = z.object({ value: z.string(), documents: z.number().int() });

export const DocumentFacetsSchema = z
  .object({ languages: z.array(FacetValueSchema), outlets: z.array(FacetValueSchema) })
  .meta({ id: 'DocumentFacets' });

export const SavedSearchSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    query: z.string().meta({ description: "The documents page's query string, e.g. q=…&lang=ko" }),
    createdAt: z.string(),
  })
  .meta({ id: 'SavedSearch' });
