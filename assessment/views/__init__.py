"""What each role may see of a school's scans, built in one place from the store and the scoring.

One module per view, each with one builder that takes the caller's ``Access`` and returns a frozen
view: ``scan`` (Resultaten: results with the previous scan and the trend), ``meeting``
(Bespreken), ``briefing`` (the trainer's briefing), ``board`` (Vergelijken), ``plan`` (Actieplan)
and ``report`` (the scan PDF's input, ``report_input``); ``trend`` is the readiness over the years
that Resultaten and the PDF share. Pages, PDFs, exports and the command line render a view;
they never score or filter themselves. ``privacy`` decides what a small group shows, for every
view (docs/privacy.md); it reads only the rubric and the scores, so the store may use it too.
This file imports nothing, so that importing ``privacy`` pulls in no view and no store.
"""
