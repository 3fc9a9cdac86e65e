"use client";

import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "react";
import type uPlot from "uplot";

const HEIGHT = 220;

/**
 * Spend per day as bars (uPlot on a canvas). The library is imported when the chart mounts, so it
 * never weighs on the page's first script; days are categories, labelled "MM-DD".
 */
export function SpendChart({ days, label }: { days: { day: string; costUsd: number }[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const observer = new ResizeObserver(() => chart?.setSize({ width: element.clientWidth, height: HEIGHT }));
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const ink = getComputedStyle(element).color;
      const grid = { stroke: "rgba(127,127,127,0.2)", width: 1 };
      chart = new UPlot(
        {
          width: element.clientWidth,
          height: HEIGHT,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
          axes: [
            {
              stroke: ink,
              grid,
              values: (_u, splits) => splits.map((i) => days[i]?.day.slice(5) ?? ""),
            },
            { stroke: ink, grid, size: 60, values: (_u, splits) => splits.map((v) => `$${v}`) },
          ],
          series: [
            {},
            {
              label,
              fill: "rgba(217,119,87,0.8)",
              stroke: "rgb(217,119,87)",
              paths: UPlot.paths.bars?.({ size: [0.7, 40] }),
              points: { show: false },
            },
          ],
        },
        [days.map((_, i) => i), days.map((day) => day.costUsd)],
        element,
      );
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [days, label]);

  return <div ref={box} role="img" aria-label={label} data-usage-chart className="w-full" />;
}
