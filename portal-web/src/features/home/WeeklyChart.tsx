import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  label: string;
  values: number[];
  color: string;
}

/**
 * Bars of the last weeks (Chart.js on a canvas). The canvas is an image with a short description; the numbers are
 * in the table beside it, which is what assistive technology reads.
 */
export function WeeklyChart({ labels, series, description, rtl, locale }: { labels: string[]; series: Series[]; description: string; rtl: boolean; locale: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return undefined;
    const chart = new Chart(context, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale,
        scales: { x: { reverse: rtl }, y: { position: rtl ? 'right' : 'left', beginAtZero: true } },
        plugins: { legend: { rtl, position: 'bottom' }, tooltip: { rtl } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, rtl, locale]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}
