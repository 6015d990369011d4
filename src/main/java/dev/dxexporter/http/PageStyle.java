package dev.dxexporter.http;

/**
 * The landing page's style sheet, inline (the page loads nothing from anywhere). Colours pass WCAG
 * AA contrast for their text; every status colour is repeated by a word and a mark. Wide tables
 * scroll inside their box on a phone instead of widening the page.
 */
final class PageStyle {
  static final String CSS =
      """
      body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
        color: #1a1a1a; background: #fff; line-height: 1.4; }
      header { background: #b03a1c; color: #fff; padding: 0.25em 1em; }
      header h1 { margin: 0.2em 0; font-size: 1.4em; }
      main { padding: 0 1em 2em; max-width: 80em; }
      h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
      nav ul { list-style: none; padding: 0; display: flex; gap: 1em; flex-wrap: wrap; }
      a { color: #0b57d0; }
      code { overflow-wrap: anywhere; }
      .scroll { overflow-x: auto; max-width: 100%; }
      table { border-collapse: collapse; margin-bottom: 0.5em; }
      caption { text-align: left; font-weight: 600; padding: 0.25em 0; }
      td, th { border: 1px solid #c4c4c4; padding: 0.25em 0.5em; text-align: left;
        white-space: nowrap; vertical-align: middle; }
      thead th { background: #f1f1f1; }
      td:last-child { white-space: normal; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      .badge { display: inline-block; padding: 0 0.4em; border-radius: 0.3em; font-weight: 600; }
      .badge.met { background: #dff3e4; color: #14532d; }
      .badge.off_target { background: #fff1c2; color: #6b4500; }
      .badge.gate_failed { background: #fde0df; color: #8a1414; }
      .badge.no_data { background: #ececec; color: #424242; }
      tr.failing td { background: #fde0df; }
      tr.incomplete td { background: #fff4ce; }
      tr.pending td, tr.absent td { color: #595959; }
      .spark { color: #0b57d0; vertical-align: middle; }
      @media (max-width: 40em) {
        main { padding: 0 0.5em 1em; }
        td, th { padding: 0.2em 0.3em; font-size: 0.92em; }
        /* The card as one block per objective: every value beside its column's name. */
        table.qrc thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); }
        table.qrc, table.qrc tbody, table.qrc tr, table.qrc th, table.qrc td { display: block; }
        table.qrc tr { border: 1px solid #c4c4c4; margin-bottom: 0.5em; }
        table.qrc th[scope=row] { border: none; background: #f1f1f1; }
        table.qrc td { border: none; white-space: normal; display: flex;
          justify-content: space-between; gap: 1em; text-align: right; }
        table.qrc td::before { content: attr(data-label); font-weight: 600; text-align: left; }
        table.qrc td:empty { display: none; }
      }
      """;

  private PageStyle() {}
}
