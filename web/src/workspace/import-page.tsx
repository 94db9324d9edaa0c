import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { Source, SourceList } from '../../../contract/sources.js';
import { ErrorMessage } from '../components/status.js';
import { formatNumber } from '../i18n/format.js';
import { delimiterName, formatScore, isWorkbook, reportView } from './import-view.js';
import { can, useSession, type Role } from './session.js';
import {
  addSource,
  ImportRefused,
  readHeaders,
  sendFile,
  useFresh,
  type FileHeaders,
  type HeaderMapping,
  type ImportProblem,
  type ImportResult,
} from './workspace-api.js';
import { ScrollRegion } from './scroll-region.js';
import { noticeText, problemFix, problemMessage } from './server-words.js';

/** What each kind of file holds, and the role the server asks for it. */
const KINDS: { kind: string; needs: Role }[] = [
  { kind: 'persons', needs: 'documenter' },
  { kind: 'events', needs: 'documenter' },
  { kind: 'episodes', needs: 'documenter' },
  { kind: 'occupancy', needs: 'documenter' },
  { kind: 'sources', needs: 'analyst' },
  { kind: 'facilities', needs: 'analyst' },
  { kind: 'exchanges', needs: 'analyst' },
  { kind: 'claims', needs: 'analyst' },
];

/** Kinds whose rows belong to a source: a file without a source column names it here. */
const SOURCE_KINDS = new Set(['persons', 'events', 'episodes', 'occupancy']);

/** The source select's choice that opens the form for a new one (no source id starts so). */
const NEW_SOURCE = '__new__';

type Step =
  | { at: 'choose' }
  | { at: 'checking' | 'importing'; file: File }
  | { at: 'checked'; file: File; result: ImportResult }
  | { at: 'refused'; file: File; message: string; problems: ImportProblem[] }
  | { at: 'done'; result: ImportResult }
  | { at: 'failed'; error: Error };

function Counts({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation('workspace');
  return (
    <dl className="ws-counts">
      {(['rows', 'inserted', 'updated', 'unchanged'] as const).map((k) => (
        <div key={k} data-count={k}>
          <dt>{t(`import.counts.${k}`)}</dt>
          <dd>{formatNumber(result[k], i18n.language)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the server made of the file and what the import changes (or would, on a dry run):
 * how it was read, each table's counts, how records are known, the rows left out and the
 * places the gazetteer does not know. The same for the check and for the import itself.
 */
function Report({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const view = reportView(result);
  const n = (x: number) => formatNumber(x, lang);
  const removed = view.tables.some((x) => x.counts.removed !== undefined);
  const changes = result.dryRun ? t('import.report.changes') : t('import.report.changed');
  const detected = [
    ...view.detected.map(({ key, value }) => {
      const named = key === 'delimiter' ? delimiterName(value) : undefined;
      return {
        key,
        label: t(`import.report.${key}`),
        value: named ? t(`import.report.${named}`) : key === 'delimiter' ? `«${value}»` : value,
      };
    }),
    ...(result.source
      ? [{ key: 'source', label: t('import.report.source'), value: result.source }]
      : []),
  ];
  return (
    <>
      <Counts result={result} />
      {detected.length > 0 && (
        <section aria-labelledby="import-detected" className="ws-report-part">
          <h4 id="import-detected">{t('import.report.detected')}</h4>
          <dl className="ws-detected">
            {detected.map((d) => (
              <div key={d.key} data-detected={d.key}>
                <dt>{d.label}</dt>
                <dd>{d.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {view.tables.length > 1 && (
        <ScrollRegion label={changes}>
          <table className="ws-table ws-changes">
            <caption>{changes}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.report.data')}</th>
                <th scope="col">{t('import.counts.inserted')}</th>
                <th scope="col">{t('import.counts.updated')}</th>
                <th scope="col">{t('import.counts.unchanged')}</th>
                {removed && <th scope="col">{t('import.report.removed')}</th>}
              </tr>
            </thead>
            <tbody>
              {view.tables.map(({ table, counts }) => (
                <tr key={table} data-table={table}>
                  <th scope="row">
                    {table === 'written'
                      ? t(`import.kinds.${result.kind}`)
                      : t(`import.report.tables.${table}`)}
                  </th>
                  <td data-count="inserted">{n(counts.inserted)}</td>
                  <td data-count="updated">{n(counts.updated)}</td>
                  <td data-count="unchanged">{n(counts.unchanged)}</td>
                  {removed && <td data-count="removed">{n(counts.removed ?? 0)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {view.recordIds && (
        <p data-record-ids={view.recordIds.from}>
          {view.recordIds.from === 'file'
            ? t('import.report.idsFile')
            : view.recordIds.from === 'content'
              ? t('import.report.idsContent')
              : t('import.report.idsBoth', {
                  count: view.recordIds.fromContent,
                  fromFile: n(view.recordIds.fromFile),
                })}
        </p>
      )}
      {view.skippedRows.length > 0 && (
        <ScrollRegion label={t('import.report.skipped', { count: view.skippedRows.length })}>
          <table className="ws-table ws-skipped">
            <caption>{t('import.report.skipped', { count: view.skippedRows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {view.skippedRows.map((s) => (
                <tr key={s.row} data-row={s.row}>
                  <td>{s.row}</td>
                  <td>{s.kind ? t(`import.report.skip.${s.kind}`) : s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {view.unresolvedPlaces.length > 0 && (
        <section aria-labelledby="import-unresolved" className="ws-report-part">
          <h4 id="import-unresolved">
            {t('import.report.unresolved', { count: view.unresolvedPlaces.length })}
          </h4>
          <p className="ws-hint">{t('import.report.unresolvedHint')}</p>
          <ScrollRegion
            label={t('import.report.unresolved', { count: view.unresolvedPlaces.length })}
          >
            <table className="ws-table ws-unresolved">
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.report.place')}</th>
                  <th scope="col">{t('import.report.guesses')}</th>
                </tr>
              </thead>
              <tbody>
                {view.unresolvedPlaces.map((u) => (
                  <tr key={`${u.row} ${u.text}`} data-row={u.row}>
                    <td>{u.row}</td>
                    <td>{u.text}</td>
                    <td>
                      {u.candidates.length === 0 ? (
                        <span className="ws-hint">{t('import.report.noGuess')}</span>
                      ) : (
                        <ul className="ws-guesses">
                          {u.candidates.map((c) => (
                            <li key={c.id} data-guess={c.id}>
                              <code>{c.id}</code>{' '}
                              <span className="ws-score">
                                {t('import.report.score', { score: formatScore(c.score, lang) })}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}
      {view.notices.length > 0 && (
        <section aria-labelledby="import-notes" className="ws-report-part">
          <h4 id="import-notes">{t('import.report.notes')}</h4>
          <ul className="ws-notices">
            {view.notices.map((note) => (
              <li key={note.message}>{noticeText(note, t, lang)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Problems({ problems }: { problems: ImportProblem[] }) {
  const { t, i18n } = useTranslation('workspace');
  return (
    <ScrollRegion label={t('import.problems', { count: problems.length })}>
      <table className="ws-table ws-problems">
        <caption>{t('import.problems', { count: problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.file')}</th>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.value')}</th>
            <th scope="col">{t('import.message')}</th>
            <th scope="col">{t('import.fix')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.file}</td>
              <td>{p.row ?? ''}</td>
              <td>{p.column ?? ''}</td>
              <td>{p.value ?? ''}</td>
              <td>{problemMessage(p, t, i18n.language)}</td>
              <td>{problemFix(p, t, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The file's header chosen for each column ("" for none). */
type Choice = Record<string, string>;

/** Every header of the file goes somewhere: to the column that chose it, or left out. */
export function toMapping(headers: FileHeaders['headers'], choice: Choice): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const { header } of headers) mapping[header] = '';
  for (const [column, header] of Object.entries(choice)) if (header) mapping[header] = column;
  return mapping;
}

function MatchColumns({
  kind,
  found,
  choice,
  onChange,
}: {
  kind: string;
  found: FileHeaders;
  choice: Choice;
  onChange: (c: Choice) => void;
}) {
  const { t } = useTranslation('workspace');
  return (
    <section aria-labelledby="import-match">
      <h3 id="import-match">{t('import.matchTitle')}</h3>
      <p className="ws-hint">{t('import.matchHint')}</p>
      <ScrollRegion label={t('import.matchTitle')}>
        <table className="ws-table ws-match">
          <thead>
            <tr>
              <th scope="col">{t('import.matchField')}</th>
              <th scope="col">{t('import.matchHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {found.columns.map((c) => (
              <tr key={c.name} data-column={c.name}>
                <th scope="row">
                  <label htmlFor={`match-${c.name}`}>
                    <code>{c.name}</code>
                    {c.required ? ` (${t('import.required')})` : ''}
                  </label>
                  <div className="ws-hint">
                    {/* The server's words are English; the hint is in the reader's language. */}
                    {t(`importColumns.${kind}.${c.name}`, { defaultValue: c.description })}
                  </div>
                </th>
                <td>
                  <select
                    id={`match-${c.name}`}
                    value={choice[c.name] ?? ''}
                    onChange={(e) => onChange({ ...choice, [c.name]: e.target.value })}
                  >
                    <option value="">{t('import.notInFile')}</option>
                    {found.headers.map((h) => (
                      <option key={h.header} value={h.header}>
                        {h.header}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The form's fields, to name a refused field in the reader's language. */
const SOURCE_FIELDS = ['id', 'title', 'reliability', 'credibility'] as const;

interface SourceDraft {
  id: string;
  title: string;
  reliability: string;
  credibility: string;
}
/** The Admiralty grading of a new source: reliability A–F, credibility 1–6. */
const GRADES = [
  { field: 'reliability', labels: 'reliabilities', values: ['A', 'B', 'C', 'D', 'E', 'F'] },
  { field: 'credibility', labels: 'credibilities', values: ['1', '2', '3', '4', '5', '6'] },
] as const;

const EMPTY_DRAFT: SourceDraft = { id: '', title: '', reliability: 'F', credibility: '6' };

/**
 * Where the file's records come from: a registered source, or a new one registered here
 * (a documenter's own list is in no sources file). The new source's fields sit inside the
 * import form (forms cannot nest), so Enter in them registers the source, not checks the file.
 */
function SourceChooser({
  value,
  onChange,
  imports,
}: {
  value: string;
  onChange: (source: string) => void;
  /** Imports done on the page so far: each changes the sources' counts of records. */
  imports: number;
}) {
  const { t, i18n } = useTranslation('workspace');
  const session = useSession();
  const list = useFresh<SourceList>('/api/sources');
  const [counted, setCounted] = useState(imports);
  if (counted !== imports) {
    setCounted(imports);
    list.reload();
  }
  // Sources registered on this page, shown before the list is fetched again.
  const [added, setAdded] = useState<Source[]>([]);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<SourceDraft>(EMPTY_DRAFT);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<Error>();
  const [registered, setRegistered] = useState<string>();
  const fetched = list.status === 'ok' ? list.data.sources : [];
  const sources = [...fetched, ...added.filter((a) => !fetched.some((f) => f.id === a.id))];

  const register = () => {
    if (busy) return;
    setBusy(true);
    setRefused(undefined);
    addSource(
      {
        id: draft.id.trim(),
        title: draft.title.trim(),
        reliability: draft.reliability,
        credibility: Number(draft.credibility),
      },
      session.csrfToken,
    ).then(
      (source) => {
        setBusy(false);
        setAdded((a) => [...a, source]);
        setAdding(false);
        setDraft(EMPTY_DRAFT);
        setRegistered(source.id);
        onChange(source.id);
        list.reload();
      },
      (err: unknown) => {
        setBusy(false);
        setRefused(err instanceof Error ? err : new Error(String(err)));
      },
    );
  };
  const fieldName = (column: string | undefined) =>
    SOURCE_FIELDS.find((f) => f === column) ? t(`import.source.${column}`) : (column ?? '');
  const problems = refused instanceof ImportRefused ? refused.problems : [];

  return (
    <>
      <label htmlFor="import-source">{t('import.source.label')}</label>
      <select
        id="import-source"
        aria-describedby="import-source-hint"
        value={adding ? NEW_SOURCE : value}
        onChange={(e) => {
          const v = e.target.value;
          setRegistered(undefined);
          setAdding(v === NEW_SOURCE);
          if (v !== NEW_SOURCE) onChange(v);
        }}
      >
        <option value="">{t('import.source.inFile')}</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {t('import.source.option', {
              title: s.title ?? s.id,
              id: s.id,
              grading: `${s.reliability}${s.credibility}`,
              count: s.records,
            })}
          </option>
        ))}
        <option value={NEW_SOURCE}>{t('import.source.new')}</option>
      </select>
      <p id="import-source-hint" className="ws-hint">
        {t('import.source.hint')}
      </p>
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {registered && (
        <p role="status" className="ws-done">
          {t('import.source.added', { id: registered })}
        </p>
      )}
      {adding && (
        <fieldset
          className="ws-fieldset"
          aria-describedby="new-source-refused"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
              e.preventDefault();
              register();
            }
          }}
        >
          <legend>{t('import.source.newTitle')}</legend>
          <label htmlFor="new-source-id">{t('import.source.id')}</label>
          <input
            id="new-source-id"
            value={draft.id}
            onChange={(e) => setDraft({ ...draft, id: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="new-source-id-hint"
          />
          <p id="new-source-id-hint" className="ws-hint">
            {t('import.source.idHint')}
          </p>
          <label htmlFor="new-source-title">{t('import.source.title')}</label>
          <input
            id="new-source-title"
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            autoComplete="off"
            aria-describedby="new-source-title-hint"
          />
          <p id="new-source-title-hint" className="ws-hint">
            {t('import.source.titleHint')}
          </p>
          {GRADES.map(({ field, labels, values }) => (
            <Fragment key={field}>
              <label htmlFor={`new-source-${field}`}>{t(`import.source.${field}`)}</label>
              <select
                id={`new-source-${field}`}
                value={draft[field]}
                onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
              >
                {values.map((v) => (
                  <option key={v} value={v}>
                    {t(`import.source.${labels}.${v}`)}
                  </option>
                ))}
              </select>
            </Fragment>
          ))}
          <div id="new-source-refused">
            {refused && (
              <div className="status status-error" role="alert">
                <p>{t('import.source.refused')}</p>
                <ul>
                  {problems.length > 0 ? (
                    problems.map((p, i) => (
                      <li key={i}>
                        {p.column ? `${fieldName(p.column)}: ` : ''}
                        {problemMessage(p, t, i18n.language)}
                      </li>
                    ))
                  ) : (
                    <li>{refused.message}</li>
                  )}
                </ul>
              </div>
            )}
          </div>
          <div className="ws-actions">
            <button type="button" id="new-source-add" onClick={register} disabled={busy}>
              {busy ? t('import.source.adding') : t('import.source.add')}
            </button>
            <button
              type="button"
              className="ws-secondary"
              onClick={() => {
                setAdding(false);
                setRefused(undefined);
              }}
            >
              {t('import.source.cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </>
  );
}

/**
 * Upload a spreadsheet, see what it would change (a dry run on the server, the CLI's own
 * validation), then confirm. Nothing is written until the confirmation; a file with any bad
 * cell is refused whole, with every bad cell listed.
 */
export function ImportPage() {
  const { t } = useTranslation('workspace');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const kinds = KINDS.filter((k) => can(session, k.needs));
  const kind = kinds.find((k) => k.kind === params.get('kind'))?.kind ?? 'persons';
  const [step, setStep] = useState<Step>({ at: 'choose' });
  // Only a date like 5/3/2024 needs this; ISO dates, 05.03.2024 and Excel dates never do.
  const [dateFormat, setDateFormat] = useState<'' | 'DMY' | 'MDY'>('');
  const [chosen, setChosen] = useState<File>();
  // The registered source of rows that name none; the workbook's sheet, when named.
  const [source, setSource] = useState('');
  const [imports, setImports] = useState(0);
  const [sheet, setSheet] = useState('');
  const takesSource = SOURCE_KINDS.has(kind);
  const workbook = chosen !== undefined && isWorkbook(chosen.name);
  // The file's headers as the server reads them, once asked for, and the user's choices.
  const [found, setFound] = useState<FileHeaders>();
  const [choice, setChoice] = useState<Choice>({});
  const [matchError, setMatchError] = useState<Error>();
  const forget = () => {
    setStep({ at: 'choose' });
    setFound(undefined);
    setChoice({});
    setMatchError(undefined);
  };

  const match = () => {
    if (!chosen) return;
    setMatchError(undefined);
    readHeaders(kind, chosen, session.csrfToken, {
      ...(workbook && sheet.trim() ? { sheet: sheet.trim() } : {}),
    }).then(
      (f) => {
        setFound(f);
        setChoice(
          Object.fromEntries(
            f.headers.flatMap((h) => (h.column ? [[h.column, h.header] as const] : [])),
          ),
        );
        setStep({ at: 'choose' });
      },
      (err: unknown) => setMatchError(err instanceof Error ? err : new Error(String(err))),
    );
  };

  const run = (file: File, dryRun: boolean) => {
    setStep({ at: dryRun ? 'checking' : 'importing', file });
    const mapping = found ? toMapping(found.headers, choice) : undefined;
    sendFile(kind, file, dryRun, session.csrfToken, {
      ...(dateFormat ? { dateFormat } : {}),
      ...(mapping ? { mapping } : {}),
      ...(takesSource && source ? { source } : {}),
      ...(isWorkbook(file.name) && sheet.trim() ? { sheet: sheet.trim() } : {}),
    }).then(
      (result) => {
        setStep(dryRun ? { at: 'checked', file, result } : { at: 'done', result });
        if (!dryRun) setImports((n) => n + 1);
      },
      (err: unknown) =>
        setStep(
          err instanceof ImportRefused && err.problems.length > 0
            ? { at: 'refused', file, message: err.message, problems: err.problems }
            : { at: 'failed', error: err instanceof Error ? err : new Error(String(err)) },
        ),
    );
  };
  const check = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('file');
    if (file instanceof File && file.size > 0) run(file, true);
  };

  return (
    <div>
      <h2>{t('import.title')}</h2>
      <form className="ws-form" onSubmit={check}>
        <label htmlFor="import-kind">{t('import.kind')}</label>
        <select
          id="import-kind"
          value={kind}
          onChange={(e) => {
            setParams({ kind: e.target.value });
            forget();
          }}
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(`import.kinds.${k.kind}`)}
            </option>
          ))}
        </select>
        <label htmlFor="import-file">{t('import.fileLabel')}</label>
        {/*
         * The browser's own file button speaks the browser's language, not the page's: it is
         * hidden (still focusable and read out) behind a button and a file name in the reader's.
         */}
        <div className="ws-file">
          <input
            id="import-file"
            className="ws-file-input"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,.json"
            required
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setChosen(e.target.files?.[0]);
              // A sheet's name belongs to the workbook it was typed for.
              setSheet('');
              forget();
            }}
          />
          <label htmlFor="import-file" className="ws-file-button" aria-hidden="true">
            {t('import.fileChoose')}
          </label>
          <span className="ws-file-name" aria-hidden="true">
            {chosen?.name ?? t('import.fileNone')}
          </span>
        </div>
        <p id="import-file-hint" className="ws-hint">
          {t('import.fileHint')}
        </p>
        {workbook && (
          <>
            <label htmlFor="import-sheet">{t('import.sheet')}</label>
            <input
              id="import-sheet"
              name="sheet"
              autoComplete="off"
              aria-describedby="import-sheet-hint"
              value={sheet}
              onChange={(e) => {
                setSheet(e.target.value);
                setStep({ at: 'choose' });
              }}
            />
            <p id="import-sheet-hint" className="ws-hint">
              {t('import.sheetHint')}
            </p>
          </>
        )}
        {takesSource && (
          <SourceChooser
            imports={imports}
            value={source}
            onChange={(s) => {
              setSource(s);
              setStep({ at: 'choose' });
            }}
          />
        )}
        <label htmlFor="import-dates">{t('import.dates')}</label>
        <select
          id="import-dates"
          aria-describedby="import-dates-hint"
          value={dateFormat}
          onChange={(e) => {
            setDateFormat(e.target.value as '' | 'DMY' | 'MDY');
            setStep({ at: 'choose' });
          }}
        >
          <option value="">{t('import.datesNone')}</option>
          <option value="DMY">{t('import.datesDMY')}</option>
          <option value="MDY">{t('import.datesMDY')}</option>
        </select>
        <p id="import-dates-hint" className="ws-hint">
          {t('import.datesHint')}
        </p>
        <button type="button" onClick={match} disabled={!chosen}>
          {t('import.match')}
        </button>
        <button
          type="submit"
          id="import-check"
          disabled={!chosen || step.at === 'checking' || step.at === 'importing'}
        >
          {t('import.check')}
        </button>
      </form>
      {matchError && <ErrorMessage error={matchError} />}
      {found && (
        <MatchColumns
          kind={kind}
          found={found}
          choice={choice}
          onChange={(c) => {
            setChoice(c);
            setStep({ at: 'choose' });
          }}
        />
      )}
      <div aria-live="polite">
        {step.at === 'checking' && <p role="status">{t('import.checking')}</p>}
        {step.at === 'importing' && <p role="status">{t('import.importing')}</p>}
        {step.at === 'checked' && (
          <section aria-labelledby="import-preview">
            <h3 id="import-preview">{t('import.preview', { file: step.result.file })}</h3>
            <Report result={step.result} />
            <p>{t('import.confirmHint')}</p>
            <button type="button" onClick={() => run(step.file, false)}>
              {t('import.confirm', { count: step.result.rows })}
            </button>
          </section>
        )}
        {step.at === 'refused' && (
          <section aria-labelledby="import-refused">
            <h3 id="import-refused" role="alert">
              {t('import.refused')}
            </h3>
            {takesSource && !source && step.problems.some((p) => p.column === 'source') && (
              <p id="import-source-missing" className="ws-hint-strong">
                {t('import.source.missing')}
              </p>
            )}
            <Problems problems={step.problems} />
          </section>
        )}
        {step.at === 'done' && (
          <section aria-labelledby="import-done">
            <h3 id="import-done" role="status">
              {t('import.done', { file: step.result.file })}
            </h3>
            <Report result={step.result} />
          </section>
        )}
        {step.at === 'failed' && <ErrorMessage error={step.error} />}
      </div>
    </div>
  );
}
