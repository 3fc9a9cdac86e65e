"use client";

import { createRoot } from "react-dom/client";
import { Toaster, toast } from "sonner";

let mounted = false;

function mount() {
  if (mounted) return;
  mounted = true;
  const container = document.createElement("div");
  document.body.append(container);
  const theme = document.documentElement.dataset.theme;
  createRoot(container).render(
    <Toaster
      position="bottom-center"
      theme={theme === "light" || theme === "dark" ? theme : "system"}
      closeButton={false}
      duration={2500}
    />,
  );
}

export function show(message: string, kind: "success" | "error" | "info") {
  mount();
  // The toaster needs one frame to mount before it hears the first toast.
  requestAnimationFrame(() => toast[kind](message));
}
