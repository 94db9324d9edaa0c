import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { ErrorMessage } from '../components/status.js';
import { can, useSession, type Role } from './session.js';
import {
  ImportRefused,
  readHeaders,
  sendFile,
  type FileHeaders,
  type HeaderMapping,
  type ImportProblem,
  type ImportResult,
} from './workspace-api.js';
import { ScrollRegion } from './scroll-region.js';

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

type Step =
  | { at: 'choose' }
  | { at: 'checking' | 'importing'; file: File }
  | { at: 'checked'; file: File; result: ImportResult }
  | { at: 'refused'; file: File; message: string; problems: ImportProblem[] }
  | { at: 'done'; result: ImportResult }
  | { at: 'failed'; error: Error };

function Counts({ result }: { result: ImportResult }) {
  const { t } = useTranslation('workspace');
  return (
    <dl className="ws-counts">
      {(['rows', 'inserted', 'updated', 'unchanged'] as const).map((k) => (
        <div key={k} data-count={k}>
          <dt>{t(`import.counts.${k}`)}</dt>
          <dd>{result[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

function Problems({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation('workspace');
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
              <td>{p.message}</td>
              <td>{p.fix}</td>
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
  found,
  choice,
  onChange,
}: {
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
                  <div className="ws-hint">{c.description}</div>
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
    readHeaders(kind, chosen, session.csrfToken).then(
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
    sendFile(kind, file, dryRun, session.csrfToken, dateFormat || undefined, mapping).then(
      (result) => setStep(dryRun ? { at: 'checked', file, result } : { at: 'done', result }),
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
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,.json"
          required
          aria-describedby="import-file-hint"
          onChange={(e) => {
            setChosen(e.target.files?.[0]);
            forget();
          }}
        />
        <p id="import-file-hint" className="ws-hint">
          {t('import.fileHint')}
        </p>
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
        <button type="submit" disabled={step.at === 'checking' || step.at === 'importing'}>
          {t('import.check')}
        </button>
      </form>
      {matchError && <ErrorMessage error={matchError} />}
      {found && (
        <MatchColumns
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
            <Counts result={step.result} />
            {step.result.notices.length > 0 && (
              <ul>
                {step.result.notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
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
            <Problems problems={step.problems} />
          </section>
        )}
        {step.at === 'done' && (
          <section aria-labelledby="import-done">
            <h3 id="import-done" role="status">
              {t('import.done', { file: step.result.file })}
            </h3>
            <Counts result={step.result} />
          </section>
        )}
        {step.at === 'failed' && <ErrorMessage error={step.error} />}
      </div>
    </div>
  );
}
