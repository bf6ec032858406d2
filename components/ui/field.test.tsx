import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SelectField, TextField, YamlField } from "./field";

const classOf = (html: string, tag: string) => new RegExp(`<${tag}[^>]*class="([^"]*)"`).exec(html)?.[1] ?? "";

describe("form fields", () => {
  it("add a caller's className to the control's look instead of replacing it", () => {
    const input = classOf(renderToStaticMarkup(<TextField label="Selector" name="selector" className="font-mono" />), "input");
    const area = classOf(renderToStaticMarkup(<YamlField label="YAML" name="yaml" className="h-40" />), "textarea");
    const select = classOf(renderToStaticMarkup(<SelectField label="Role" name="role" className="w-40"><option>a</option></SelectField>), "select");
    expect(input.split(" ")).toEqual(expect.arrayContaining(["font-mono", "rounded-md", "border", "border-slate-700"]));
    expect(area.split(" ")).toEqual(expect.arrayContaining(["h-40", "rounded-md", "border"]));
    expect(select.split(" ")).toEqual(expect.arrayContaining(["w-40", "rounded-md", "border"]));
  });
});
