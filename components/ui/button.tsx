import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-sky-600 text-white hover:bg-sky-500 disabled:bg-sky-900 disabled:text-slate-400",
  secondary: "bg-slate-800 text-slate-100 hover:bg-slate-700 border border-slate-700 disabled:text-slate-500",
  danger: "bg-rose-700 text-white hover:bg-rose-600 disabled:bg-rose-950 disabled:text-slate-400",
  ghost: "text-slate-300 hover:bg-slate-800 hover:text-white",
} as const;

export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; size?: "sm" | "md" }) {
  const sizing = size === "sm" ? "px-2.5 py-1 text-xs" : "px-3.5 py-2 text-sm";
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed ${sizing} ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
