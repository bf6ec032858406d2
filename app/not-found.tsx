import { getTranslations } from "next-intl/server";
import Link from "next/link";

export async function generateMetadata() {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

/** Every unknown URL: the console's look, in the user's language, with ways back. */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-screen items-center justify-center p-6" data-testid="not-found">
      <div className="w-full max-w-md space-y-6 text-center">
        <p className="text-3xl font-bold tracking-tight text-white">Outpost</p>
        <div className="space-y-3 rounded-lg border border-slate-800 bg-slate-900/70 p-6 shadow-xl">
          <p className="font-mono text-sm text-slate-500">{t("code")}</p>
          <h1 className="text-lg font-semibold text-white">{t("title")}</h1>
          <p className="text-sm text-slate-400">{t("body")}</p>
          <div className="flex flex-wrap justify-center gap-4 pt-2 text-sm">
            <Link href="/fleet" className="text-sky-400 hover:underline">
              {t("toFleet")}
            </Link>
            <Link href="/clusters" className="text-sky-400 hover:underline">
              {t("toClusters")}
            </Link>
          </div>
        </div>
      </div>
    </main>
  );
}
