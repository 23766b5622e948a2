/**
 * Briefs and exports over HTTP: GET /api/boards/:id/brief (md, html, pdf; en, fr), what this
 * server can render (GET /api/briefs/formats) and GET /api/export (stix, csv, jsonl; streamed,
 * analyst role; the auth tables only for an admin who asks).
 * @module
 */
import { z } from 'zod';
import { ConfigError } from '../../domain/errors.js';
import { renderBrief } from '../../report/brief/render-brief.js';
import { checkPdfSupport } from '../../report/brief/render-pdf.js';
import { openExport } from '../../report/export/export-store.js';
import { resolveSince } from '../../report/period.js';
import { HttpError } from '../http-errors.js';
import { RawReply } from '../raw-reply.js';
import { defineRoute } from '../route.js';
import { IdParamsSchema, QueryBooleanSchema } from '../schemas/common.js';

const PeriodSchema = z
  .string()
  .regex(/^(\d{1,5}[hdw]|\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?)$/, 'expected 7d, 12h, 2w or a date');

const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

const BRIEF_FORMATS = ['md', 'html', 'pdf'] as const;
const BRIEF_LANGUAGES = ['en', 'fr'] as const;

export const reportRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/briefs/formats',
    access: 'viewer',
    tag: 'reports',
    summary: 'Brief formats and languages this server renders (PDF only where Chromium is)',
    response: z.object({
      formats: z.array(z.enum(BRIEF_FORMATS)),
      languages: z.array(z.enum(BRIEF_LANGUAGES)),
      pdfUnavailableReason: z.string().nullable(),
    }),
    async handler() {
      const pdf = await checkPdfSupport();
      return {
        formats: BRIEF_FORMATS.filter((f) => f !== 'pdf' || pdf.available),
        languages: [...BRIEF_LANGUAGES],
        pdfUnavailableReason: pdf.reason,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/boards/:id/brief',
    access: 'viewer',
    tag: 'reports',
    summary: 'Situation report for a watchboard (Markdown, self-contained HTML or PDF; en or fr)',
    description:
      'Key judgements with their change over the period and the evidence that moved them, the most significant new events with citations (document id and span), SVG trend charts and an annex of sources. The period ends at the latest stored news. PDF needs Chromium on the server (503 otherwise).',
    params: IdParamsSchema,
    query: z.object({
      format: z.enum(BRIEF_FORMATS).default('html'),
      since: PeriodSchema.default('7d'),
      lang: z.enum(BRIEF_LANGUAGES).default('en'),
      until: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
        .optional()
        .meta({ description: 'Last day of the period (default: the latest stored news)' }),
      dashboard: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional()
        .meta({ description: "The dashboard's address: citations and events link back to it" }),
    }),
    response: z.unknown().describe('text/markdown, text/html or application/pdf'),
    costly: true,
    async handler({ params, query, ctx }) {
      try {
        const brief = await renderBrief(ctx.store, {
          boardId: params.id,
          since: query.since,
          format: query.format,
          lang: query.lang,
          printPdf: (html) => ctx.pdf.print(html),
          ...(query.dashboard ? { dashboardUrl: query.dashboard } : {}),
          ...(query.until ? { asOf: new Date(`${query.until}T23:59:59.999Z`) } : {}),
        });
        const headers: Record<string, string> =
          query.format === 'pdf'
            ? { 'content-disposition': attachment(`brief-${params.id}.pdf`) }
            : {};
        return new RawReply(brief.contentType, brief.body, headers);
      } catch (error) {
        if (error instanceof ConfigError && query.format === 'pdf')
          throw new HttpError(503, 'VIGIE_PDF_UNAVAILABLE', error.message);
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/export',
    access: 'analyst',
    tag: 'reports',
    summary: 'Streamed export: STIX 2.1 bundle, CSV (events or mentions) or JSONL (whole store)',
    query: z.object({
      format: z.enum(['stix', 'csv', 'jsonl']),
      what: z.enum(['events', 'mentions']).optional(),
      since: PeriodSchema.optional(),
      board: z.string().min(1).max(200).optional(),
      tlp: z.enum(['clear', 'green', 'amber', 'amber+strict', 'red']).optional(),
      includeAuth: QueryBooleanSchema.optional().meta({
        description:
          'JSONL only, admin only: also the users and token hashes (left out by default)',
      }),
    }),
    response: z.unknown().describe('application/stix+json, text/csv or application/x-ndjson'),
    costly: true,
    async handler({ query, principal, ctx }) {
      if (query.includeAuth && principal?.role !== 'admin')
        throw new HttpError(
          403,
          'VIGIE_FORBIDDEN',
          'includeAuth (users and token hashes) is for the admin role only; without it the export leaves them out',
        );
      const exported = openExport(ctx.store, {
        ...(query.includeAuth ? { includeAuth: true } : {}),
        format: query.format,
        ...(query.what ? { what: query.what } : {}),
        ...(query.since ? { since: resolveSince(query.since, ctx.now()) } : {}),
        ...(query.board ? { board: query.board } : {}),
        ...(query.tlp ? { tlp: query.tlp } : {}),
      });
      return new RawReply(exported.contentType, exported.chunks, {
        'content-disposition': attachment(exported.fileName),
      });
    },
  }),
];
