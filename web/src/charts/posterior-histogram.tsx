import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../components/status.js';
import './posterior-histogram.css';

export interface HistogramBin {
  from: number;
  to: number;
  draws: number;
}

export interface PosteriorHistogramProps {
  bins: HistogramBin[];
  median: number;
  interval: [number, number];
  /** The chart in words, for a screen reader. */
  label: string;
  xLabel: string;
  yLabel: string;
  format: (n: number) => string;
}

/**
 * Draws of a posterior, binned, with its median (solid) and 95% interval (dashed). Plot, and
 * the d3 it brings, load with the first histogram drawn: only analysts running a Bayesian
 * estimate need them, so they stay out of the workspace's own code.
 */
export function PosteriorHistogram(props: PosteriorHistogramProps) {
  const { bins, median, interval, label, xLabel, yLabel, format } = props;
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    import('@observablehq/plot').then(
      (Plot) => {
        const target = box.current;
        if (!live || !target) return;
        const chart = Plot.plot({
          // As wide as its box (up to 640 px), so a phone's labels are not scaled down to specks.
          width: Math.max(300, Math.min(640, target.clientWidth || 640)),
          height: 260,
          marginLeft: 56,
          marginBottom: 40,
          x: { label: xLabel, labelAnchor: 'center', labelArrow: 'none', tickFormat: format },
          y: { label: yLabel, labelArrow: 'none', grid: true, tickFormat: format },
          marks: [
            // A bin holds the whole numbers from..to, so it spans to `to + 1` on the axis.
            Plot.rectY(bins, {
              x1: 'from',
              x2: (b: HistogramBin) => b.to + 1,
              y: 'draws',
              fill: '#3d6fa8',
              inset: 0.5,
            }),
            Plot.ruleY([0]),
            Plot.ruleX([median], { strokeWidth: 2 }),
            Plot.ruleX(interval, { strokeDasharray: '4 3' }),
          ],
        });
        // The CSP refuses inline style elements; posterior-histogram.css holds the same rules.
        for (const style of chart.querySelectorAll('style')) style.remove();
        // Plot names its groups ("rect", "x-axis tick") in aria-label, which a plain group may
        // not carry; the chart is one image, named as a whole.
        for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
          el.removeAttribute('aria-label');
          el.removeAttribute('aria-description');
        }
        chart.setAttribute('role', 'img');
        chart.setAttribute('aria-label', label);
        target.replaceChildren(chart);
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [bins, median, interval, label, xLabel, yLabel, format]);
  if (failed) return <ErrorMessage error={failed} />;
  return <div ref={box} className="posterior-histogram" />;
}
