# Repatriation Watch: English messages.
# Every id here must also be in ko.ftl (a test checks both ways).

## Dates and periods

month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
month-long-1 = January
month-long-2 = February
month-long-3 = March
month-long-4 = April
month-long-5 = May
month-long-6 = June
month-long-7 = July
month-long-8 = August
month-long-9 = September
month-long-10 = October
month-long-11 = November
month-long-12 = December
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
date-unknown = unknown
date-day = { $month_short } { $day }, { $year }
date-month = { $month_long } { $year }
date-month-early = early { $month_long } { $year }
date-month-mid = mid-{ $month_long } { $year }
date-month-late = end of { $month_long } { $year }
date-year = { $year }
date-year-early = early { $year }
date-year-mid = mid-{ $year }
date-year-late = late { $year }
date-months-in-year = { $month_long }–{ $end_month_long } { $year }
date-months = { $month_long } { $year } – { $end_month_long } { $end_year }
date-days-in-month = { $month_short } { $day }–{ $end_day }, { $year }
date-days-in-year = { $month_short } { $day } – { $end_month_short } { $end_day }, { $year }
date-days = { $month_short } { $day }, { $year } – { $end_month_short } { $end_day }, { $end_year }
period-week-of = week of { $month_short } { $day }, { $year }
period-month = { $month_short } { $year }
period-quarter = Q{ $quarter } { $year }

## Choices

CountQualifier-Exact = exact
CountQualifier-AtLeast = at least
CountQualifier-MoreThan = more than
CountQualifier-About = about
CountQualifier-Nearly = nearly
CountQualifier-UpTo = up to
CountQualifier-Between = between
CountQualifier-Vague = vague
CountQualifier-Unknown = unknown
RecordKind-Incident = incident
RecordKind-Rally = rally
RecordKind-Source = source
RecordKind-Place = place
RecordKind-Organization = organization
DatePrecision-Day = day
DatePrecision-Week = week
DatePrecision-Month = month
DatePrecision-Year = year
DatePrecision-Range = range
DatePrecision-Unknown = unknown
PeriodPart-Early = early
PeriodPart-Mid = mid
PeriodPart-Late = late
IncidentKind-ForcedRepatriation = forced repatriation
IncidentKind-Detention = detention
IncidentKind-Arrest = arrest
IncidentKind-Release = release
IncidentKind-Other = other
IncidentStatus-Reported = reported
IncidentStatus-Corroborated = corroborated
IncidentStatus-Confirmed = confirmed
IncidentStatus-Disputed = disputed
OrganizationKind-Ngo = NGO
OrganizationKind-LawyersAssociation = lawyers' association
OrganizationKind-ReligiousGroup = religious group
OrganizationKind-CommunityGroup = community group
OrganizationKind-GovernmentBody = government body
OrganizationKind-UnBody = UN body
OrganizationKind-Media = media
OrganizationKind-Other = other
PlaceKind-DetentionCentre = detention centre
PlaceKind-BorderCrossing = border crossing
PlaceKind-City = city
PlaceKind-County = county
PlaceKind-Province = province
PlaceKind-Embassy = embassy
PlaceKind-Plaza = plaza
PlaceKind-Building = building
PlaceKind-Other = other
RallyKind-Rally = rally
RallyKind-PressConference = press conference
RallyKind-Vigil = vigil
RallyKind-March = march
RallyKind-OpenLetter = open letter
RallyKind-OnePersonProtest = one-person protest
RallyKind-Other = other
SourceKind-NewsArticle = news article
SourceKind-NgoStatement = NGO statement
SourceKind-PressRelease = press release
SourceKind-GovernmentStatement = government statement
SourceKind-UnDocument = UN document
SourceKind-Testimony = testimony
SourceKind-SocialMedia = social media
SourceKind-Other = other
Reliability-A = A
Reliability-B = B
Reliability-C = C
Reliability-D = D
Reliability-E = E
Reliability-F = F
Reliability-Unknown = unknown
Period-Week = week
Period-Month = month
Period-Quarter = quarter
Period-Year = year
BreakdownBy-FromPlace = sent from
BreakdownBy-ToPlace = sent to
BreakdownBy-Status = status
BreakdownBy-Kind = kind of incident
BreakdownBy-RallyCity = rally city
BreakdownBy-RallyOrganizer = rally organizer

## Menus and commands

command-new = New
command-open = Open…
command-open-path = Open
command-save = Save
command-save-as = Save as…
command-undo = Undo
command-redo = Redo
command-find = Find
command-new-record = New record
command-export-chart-csv = Export chart as CSV…
command-export-chart-png = Export chart as PNG…
command-export-chart-svg = Export chart as SVG…
command-problems = Problems…
command-about = About Repatriation Watch
command-quit = Quit
menu-file = File
menu-recent-files = Recent files
menu-recent-none = none yet
menu-edit = Edit
menu-view = View
menu-help = Help
menu-language = Language
theme-system = Colours as the system
theme-dark = Dark colours
theme-light = Light colours
view-incidents = Incidents
view-rallies = Rallies
view-sources = Sources
view-places = Places
view-organizations = Organizations
view-charts = Charts

## Main window

untitled = Untitled
new-record = New { $kind }
new-record-hint = Start a new record (Ctrl+R)
chart-chip-showing = Showing { $label }, from the chart
chart-chip-clear = × Clear { $label }
chart-chip-status = { $period }, { $status }
table-empty = No records yet.
table-nothing-matches = No records match the search and filters.
editor-nothing-selected = { $key ->
        [incident] Select an incident in the table to see and edit it, or click “New incident”.
        [organization] Select an organization in the table to see and edit it, or click “New organization”.
       *[other] Select a { $kind } in the table to see and edit it, or click “New { $kind }”.
    }
recovery-write-failed = Could not write the recovery file: { $failure }
undo-add = Undo add { $kind } “{ $title }”
undo-change = Undo change to { $kind } “{ $title }”
undo-delete = Undo deletion of { $kind } “{ $title }”
redo-add = Redo add { $kind } “{ $title }”
redo-change = Redo change to { $kind } “{ $title }”
redo-delete = Redo deletion of { $kind } “{ $title }”
charts-filtered = of the records the filters let through
chart-saved = Chart saved to { $path }
chart-export-failed = Could not export the chart: { $error }

## File errors

io-not-found = the file or folder does not exist
io-permission-denied = permission denied
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-a-directory = it is a folder, not a file
io-not-text = it is not text
save-failed = Could not save { $path }: could not { $step }: { $reason }
save-failed-serialize = Could not save { $path }: { $reason }
save-step-create-folder = create the folder { $dir }
save-step-create-temporary = create a temporary file in { $dir }
save-step-copy-permissions = copy the file's permissions
save-step-write = write the file (it stopped after { $bytes } bytes)
save-step-flush = flush the written data
save-step-sync = sync the written data to disk
save-step-backup = keep a backup at { $path }
save-step-replace = replace the file with the new version
load-cannot-read = cannot read the file: { $reason }
load-too-large = the file is { $size } bytes, more than the limit of { $limit } bytes
load-syntax = line { $line }, column { $column }: { $message }
load-cut = { $stops } — it looks cut off, by an interrupted copy, download or save (the reading stopped at line { $line }, column { $column }). Nothing was changed. { $backup }
load-cut-text = The file ends in the middle of a text that starts at line { $from_line }
load-cut-record = The file ends in the middle of a record
load-cut-backup = The backup { $backup } may hold the last good version: open it to check.
load-cut-no-backup = There is no backup beside it: look for another copy.
load-wrong-format = this is not a Repatriation Watch dataset (its format is “{ $found }”)
load-too-new = the file is format version { $found }, newer than this app reads (up to { $supported }); update Repatriation Watch to open it
load-unknown-version = the file has format version { $found }, which does not exist
load-needs-passphrase = the file is encrypted: its passphrase is needed to open it
load-no-key-file = its key file { $key } is not there: put the key file beside the dataset, or choose it
load-wrong-passphrase = this passphrase does not open the dataset's key file: check it and try again (nothing was changed)
load-key-damaged = the key file { $key } is damaged, or is not a key protected by a passphrase
load-too-much-work = the key file asks for a passphrase work factor of { $found }, more than the { $limit } this app accepts
load-not-for-this-key = the file is encrypted for someone else's key, not the one unlocked: ask its owner to add your public key to its team
load-encrypted-damaged = the encrypted file is damaged or cut off: its bytes do not decrypt, so none of it is used (the backup FILE.bak may hold the last good version)

## Files

no-dialog-note = No file dialog can be shown here (no desktop portal and no zenity), so type the file's full path.
save-no-file-chosen = Not saved: no file was chosen.
sample-unreadable = The built-in sample could not be read
open-failed = Could not open { $path }
dialog-open-title = Open a dataset
file-filter-dataset = Repatriation Watch dataset (.ron)
file-filter-encrypted = Encrypted Repatriation Watch dataset (.ron.age)
file-filter-csv = CSV
file-filter-png = PNG picture
file-filter-svg = SVG picture
dialog-export-chart-title = Export the chart
chart-figures-saved = Chart figures saved to { $path }
dialog-save-as-title = Save the dataset as
saved-to = Saved to { $path }
saved-to-with-drafts = Saved to { $path }; { $count ->
        [one] 1 form with problems is
       *[other] { $count } forms with problems are
    } not saved yet
save-failed-title = Could not save
save-failed-kept = { $error }{"\u000A"}{"\u000A"}Your data is still here, unsaved.
recovered-message = Recovered unsaved work: save it to keep it
recovery-unreadable = The recovered work could not be read
sample-name = sample.ron (built in)

## Status bar and table

status-unsaved = ● unsaved changes
status-unsaved-forms = { $count ->
        [one] ● 1 unsaved form
       *[other] ● { $count } unsaved forms
    }
status-summary = { $incidents } incidents, { $rallies } rallies, { $sources } sources, { $places } places, { $organizations } organizations
status-problems = { $count ->
        [0] no problems
        [one] 1 problem
       *[other] { $count } problems
    }
status-problems-and-warnings = { $problems }, { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
status-checking = checking the records…
status-problems-hint = List the problems
search-hint = Search (Ctrl+F)
search-label = Search
search-clear = Clear the search
sort-hint = Sort by this column; again to reverse
sort-by = Sort by { $column }
draft-marker-hint = Changed in its form, not saved yet

## Columns

column-date = Date
column-title = Title
column-people = People
column-kind = Kind
column-status = Status
column-from = From
column-to = To
column-attendance = Attendance
column-place = Place
column-organizers = Organizers
column-published = Published
column-outlet = Outlet
column-reliability = Reliability
column-language = Language
column-name = Name
column-korean = Korean
column-chinese = Chinese
column-country = Country
column-province = Province
column-city = City
count-and-more = { $count } +{ $more } more

## Filters

filter-from = From
filter-to = To
filter-kind = Kind
filter-status = Status
filter-place = Place
filter-organization = Organization
filter-confidential = Confidential
filter-confidential-hidden = hidden (as shared)
filter-confidential-only = only confidential
confidential-marker-hint = Confidential: left out of copies shared
confidential-details-marker-hint = Its personal details are confidential: withheld from copies shared
filter-clear-all = Clear filters
filter-clear = Clear “{ $label }”
filter-any = any
filter-by = Filter by { $label }

## Dialogs

button-ok = OK
button-cancel = Cancel
button-close = Close
delete-title = Delete this { $kind }?
delete-text = “{ $title }” ({ $id }) will be deleted. Edit → Undo brings it back.
delete-button = Delete record
unsaved-title = Save your changes?
unsaved-before-new = This dataset has changes that are not saved. Save them before starting a new dataset?
unsaved-before-open = This dataset has changes that are not saved. Save them before opening another file?
unsaved-before-quit = This dataset has changes that are not saved. Save them before closing?
unsaved-save-first = Save first
unsaved-dont-save = Don't save
unsaved-dont-save-hint = Lose the unsaved changes
path-chart-csv = Export the chart's numbers as CSV
path-chart-png = Export the chart as a PNG picture
path-chart-svg = Export the chart as an SVG picture
path-label = File path
path-hint = /home/me/data/watch.ron
problems-title = Problems ({ $count })
problems-none = No problems: every record is sound.
problems-show-record = Show this record
recovery-title = Recover unsaved work?
recovery-never-saved = a dataset never saved
recovery-text = Repatriation Watch closed with unsaved changes to { $of }. They were kept at { $when }.
recovery-restore = Restore
recovery-restore-hint = Open the recovered work, unsaved
recovery-discard = Discard
recovery-discard-hint = Throw the recovered work away
about-version = Version { $version }
about-text = Document the forced repatriation of North Korean escapees by China and the rallies held against it. Every date and number keeps the words its source used. Nothing leaves this computer.
about-where = Where your records are
about-dataset = The dataset: { $path }
about-dataset-unsaved = The dataset: not saved to a file yet (the built-in sample, or a new dataset). Save it under a name to keep it.
about-app-folder = Recovery copies of unsaved work, and the app's settings: { $path }
about-no-app-folder = No recovery copies are kept: the app has no folder of its own here.
about-encrypted = The dataset is encrypted, and so are its recovery copies.
about-licence = The app: MIT or Apache-2.0 licence. Fonts: Nanum Gothic (SIL Open Font License 1.1), Droid Sans Fallback (Apache-2.0). Map outlines: Natural Earth (public domain). The app never connects to a network: no updates, no usage reports, no map tiles.

## Problems

problem-empty-id = the id is empty
problem-duplicate-id = the id is used by more than one { $kind }
problem-empty-name = the name is empty
problem-empty-title = the title is empty
problem-missing-reference = refers to { $kind } { $id }, which does not exist
problem-dates-reversed = the latest day ({ $latest }) is before the earliest ({ $earliest })
problem-out-of-range = { $value } is not between -{ $limit } and { $limit }
problem-low-above-high = the low figure ({ $low }) is greater than the high figure ({ $high })
problem-best-outside = the best figure ({ $best }) is outside the low–high range
problem-several-preferred = more than one estimate is marked preferred
problem-parent-loop = the parent chain loops back on itself
problem-legs-exceed = its legs add up to at least { $legs }, more than its { $ceiling }
problem-date-not-understood = the date “{ $words }” was not understood: the record is left out of the charts and stats
problem-count-not-understood = the figure “{ $words }” was not understood: it counts no one in the charts and stats
problem-line = { $kind } { $id }, { $field }: { $message }
problem-warning-line = Warning: { $line }

## Forms

field-title = Title
field-kind = Kind
field-status = Status
field-date = Date
field-people = People
field-from-place = From place
field-to-place = To place
field-part-of = Part of
field-legs = Legs
field-people-involved = People involved
field-authorities = Authorities
field-context = Context
field-sources = Sources
field-confidential = Confidential
confidential-record = The whole record
confidential-record-hint = Left out of every copy shared (File → Share…, repatriation-watch share), with every reference to it.
confidential-details = Its personal details: { $details }
confidential-details-hint = Kept here, withheld from copies shared; the rest of the record is shared.
confidential-details-incident = people involved, authorities, notes
confidential-details-source = author, URL, notes
confidential-details-notes = notes
field-notes = Notes
field-outlet = Outlet
field-author = Author
field-language = Language
field-url = URL
field-published = Published
field-archive-url = Archive URL
field-reliability = Reliability
field-key-quote = Key quote
field-name = Name
field-korean-name = Korean name
field-chinese-name = Chinese name
field-country = Country
field-province = Province
field-city = City
field-latitude = Latitude
field-longitude = Longitude
field-place = Place
field-organizers = Organizers
field-attendance = Attendance
field-target = Target
field-demands = Demands
field-occasion = Occasion
field-responds-to = Responds to
hint-incident-notes = what was confirmed, where a date came from
hint-key-quote = the passage that matters, in the original language
hint-demands = one demand a line
hint-rally-notes = who spoke, what was delivered, where the date came from
picker-none = none
picker-none-not-leg = none (not a leg)
leg-open = Open this leg
leg-add = Add leg
leg-add-hint = A part of this incident: one occasion of several
decimal-not-a-number = not a number, e.g. 40.1292
field-id = Id
record-times = created { $created }, updated { $updated }
record-gone = This record no longer exists.
edit-record = Edit { $kind }
form-changed = changed, not saved
form-nothing-to-save = Nothing to save
form-fix-first = Fix the problems marked in red first
form-save = Save
form-save-hint = Save this record (Ctrl+Enter)
form-save-and-new = Save and new
form-save-and-new-hint = Save, then start another
form-discard = Discard changes
form-duplicate = Duplicate
form-duplicate-hint = Start a new record copied from this one
form-delete = Delete
form-problems = { $count ->
        [one] 1 problem to fix before saving, marked in red below.
       *[other] { $count } problems to fix before saving, marked in red below.
    }
form-warnings = { $count ->
        [one] 1 warning: the record saves as typed, but what was not understood is left out of the charts and stats.
       *[other] { $count } warnings: the record saves as typed, but what was not understood is left out of the charts and stats.
    }

## Counts and dates

count-hint = as reported, e.g. at least 95
count-understood = Understood: { $meaning } ({ $qualifier })
count-none = No figure
count-not-understood = Not understood as a number: kept as words
count-adjust = Adjust the figures
count-low = low
count-best = best
count-high = high
estimate-n = Estimate { $n }
estimate-source-of = Source of { $label }
estimate-no-source = no source
estimate-preferred = preferred
estimate-preferred-hint = The figure charts use
estimate-remove = Remove
estimate-remove-hint = Remove { $label }
estimate-note-hint = note: who gave the figure, why it differs
estimate-note-on = Note on { $label }
estimate-note-tooltip = A note on this estimate
estimate-add-first = Add { $noun }
estimate-add-another = Add another estimate of { $noun }
estimate-add-hint = Another source's figure for the same thing
date-hint = as reported, e.g. end of November 2023
date-first-day = first day
date-last-day = last day
date-understood-day = Understood: { $meaning }
date-understood-span = Understood: { $meaning } ({ $days })
date-none = No date
date-not-understood = Not understood as a date: kept as words. Set the days below if they are known.
date-precision-hint = How precise the source was
date-the-day = The { $name }
date-clear-day = Clear the { $name }
date-set-day = Set { $name }…
date-the-day-is = { $name }: { $day }
date-set-by-hand-day = Set by hand: { $meaning }
date-set-by-hand-span = Set by hand: { $meaning } ({ $days })
date-needs-publication-day = Relative words need the source's publication day: name a source that has one (under Sources, or as a figure's source).
date-read-against = Read against { $source }, published { $day }.
date-precision = Precision
date-picker-title = Choose the { $name }
date-picker-year = Year
date-picker-month = Month
date-picker-previous = Previous month
date-picker-next = Next month
picker-missing = { $id } (missing)
picker-search-hint = type to search
picker-search = Search { $field }
picker-gazetteer = { $name } — { $kind }, { $country } (from the gazetteer: added with its names and point)
picker-add-new = Add new { $kind }: “{ $name }”
picker-new-place-kind = Kind of the new place:
picker-new-place-country = Country
picker-remove = Remove { $name }
picker-add = add…
title-copy = { $title } (copy)

## Charts

chart-export-csv = Export CSV…
chart-export-csv-hint = The numbers this chart draws, as a spreadsheet
chart-export-png = Export PNG…
chart-export-png-hint = This chart as a picture
chart-export-svg = Export SVG…
chart-export-svg-hint = This chart as a picture that scales, for print and reports
chart-empty-rallies = No dated rallies match the filters. Add rallies with a date, or clear the filters.
chart-empty-people = No dated forced repatriations with a figure match the filters. Add incidents with a date and a number of people, or clear the filters.
chart-empty-timeline = No dated repatriations or rallies match the filters. Add records with dates, or clear the filters.
chart-left-out-repatriations = { $count ->
        [one] 1 forced repatriation is not drawn: it has no date or no figure the app understood (see the problem list).
       *[other] { $count } forced repatriations are not drawn: they have no date or no figure the app understood (see the problem list).
    }
chart-left-out-rallies = { $count ->
        [one] 1 rally is not drawn: it has no date the app understood (see the problem list).
       *[other] { $count } rallies are not drawn: they have no date the app understood (see the problem list).
    }
chart-left-out-breakdown = { $count ->
        [one] 1 forced repatriation is not counted: it has no figure the app understood (see the problem list).
       *[other] { $count } forced repatriations are not counted: they have no figure the app understood (see the problem list).
    }
chart-empty-breakdown = No records match the filters. Add records, or clear the filters.
chart-title-timeline = Forced repatriations and rallies{ $filtered } — Repatriation Watch
chart-title-breakdown-rallies = Rallies by { $by }{ $filtered } — Repatriation Watch
chart-title-breakdown-people = People forcibly repatriated by { $by }{ $filtered } — Repatriation Watch
chart-what-people = People forcibly repatriated
chart-what-cumulative = People forcibly repatriated, running total
chart-what-rallies = Rallies against forced repatriation
chart-pick-preferred = preferred estimates
chart-pick-lowest = lowest estimates
chart-pick-highest = highest estimates
chart-range-between = , { $from } to { $to }
chart-range-from = , from { $from }
chart-range-until = , until { $to }
chart-title = { $what } per { $period }, { $pick }{ $range }{ $filtered } — Repatriation Watch
chart-filtered = {" "}(filtered)
chart-category-source = source { $grade }
chart-category-no-destination = destination unknown
chart-category-not-recorded = not recorded
chart-category-beyond-legs = reported beyond its legs
chart-tab-people = People sent back
chart-tab-cumulative = Cumulative
chart-tab-rallies = Rallies per period
chart-tab-breakdown = Breakdown
chart-tab-timeline = Timeline
chart-option-by = By
chart-option-per = Per
chart-option-show = Show
chart-show-attendance = attendance
chart-show-count = number of rallies
chart-option-estimates = Estimates
chart-estimates-preferred = preferred
chart-estimates-lowest = lowest
chart-estimates-highest = highest
chart-spans = Show records spanning periods as spans
chart-spans-hint = Instead of sharing a record's figure out over its periods by days, keep it out of the bars and draw it as one line across them
chart-option-colour = Colour by
chart-colour-destination = destination
chart-colour-status = status
chart-colour-reliability = source reliability
chart-note-people = Bars: people forcibly repatriated per period. Lines: the lowest to highest figures the sources allow; an arrow where the highest is open (“at least”, “over”). Click a bar to list its records.
chart-legend-open-ended = open-ended (“at least”)
chart-legend-spanning = dates span several periods (not shared out)
chart-tip-rallies = { $rallies } rallies, attendance about { $attendance }
chart-open = open
chart-tip-people = People: { $best } (lowest { $low }, highest { $high }); incidents: { $incidents }
chart-tip-beyond-legs = { $words } (beyond its legs)
chart-tip-record = • { $title } — “{ $words }”: { $best }
chart-tip-record-spread = • { $title } — “{ $words }”: { $best }, spread over its dates
chart-tip-more = and { $count } more
chart-tip-span = • { $title } — “{ $words }”: { $best }, over the periods to { $until } (not shared out)
chart-note-cumulative-open = Line: the running total of people forcibly repatriated. Band: lowest to highest; from { $from } on, some figures are open-ended (“at least”), so the band shows lowest to preferred.
chart-note-cumulative = Line: the running total of people forcibly repatriated. Band: the lowest to highest figures.
chart-legend-band = lowest to highest
chart-legend-running-total = running total
chart-tip-cumulative = { $period }: { $best } in all (lowest { $low })
chart-note-attendance = Bars: people attending rallies per period (preferred figures, shared out by days). Hover for the rallies.
chart-note-rallies = Bars: rallies, press conferences and other actions per period. Hover for attendance.
chart-legend-attendance = attendance
chart-legend-rallies = rallies
chart-note-breakdown-rallies = Bars: rallies in each category. Hover for attendance.
chart-note-breakdown-people = Bars: people forcibly repatriated in each category (legs instead of their parent). Lines: lowest to highest; an arrow where the highest is open.
chart-tip-slice-rallies = { $name }: { $rallies } rallies, attendance about { $attendance }
chart-tip-slice-people = { $name }: { $best } people (lowest { $low }, highest { $high }) in { $incidents } incidents
chart-note-timeline-crowded = { $rallies } rallies: the arrows to the incidents they answer are drawn for { $most } or fewer. Narrow the dates with the filters above to see them; hovering a rally lists them.
chart-note-timeline = Bars: forced repatriations, as wide as the days their date can mean (at least a sliver, so single days show), as tall as the people sent back. Diamonds: rallies. Arrows: from an incident to a rally that answers it, with the days between. Drag or scroll sideways to zoom in.
chart-legend-repatriations = forced repatriations
chart-days = { $days ->
        [one] 1 day
       *[other] { $days } days
    }
chart-tip-incident = { $title } ({ $dates }): “{ $words }”, { $people }
chart-tip-rally = Rally, { $day }: { $title }
chart-tip-days-after = { $days ->
        [one] {"    "}1 day after “{ $title }”
       *[other] {"    "}{ $days } days after “{ $title }”
    }

## CSV columns (the second header row)

csv-id = id
csv-kind = kind
csv-status = status
csv-title = title
csv-event_date = event_date
csv-event_date_latest = event_date_latest
csv-time_precision = time_precision
csv-date_text = date_text
csv-size_qualifier = size_qualifier
csv-size_low = size_low
csv-size_best = size_best
csv-size_high = size_high
csv-size_text = size_text
csv-estimates = estimates
csv-from_place = from_place
csv-to_place = to_place
csv-parent = parent
csv-people_involved = people_involved
csv-authorities = authorities
csv-context = context
csv-source = source
csv-notes = notes
csv-confidential = confidential
csv-confidential_details = confidential details
csv-created = created
csv-updated = updated
csv-kinds = kinds
csv-place = place
csv-organizers = organizers
csv-target = target
csv-demands = demands
csv-occasion = occasion
csv-responds_to = responds_to
csv-outlet = outlet
csv-author = author
csv-language = language
csv-url = url
csv-published_date = published_date
csv-published_latest = published_latest
csv-published_precision = published_precision
csv-published_text = published_text
csv-retrieved = retrieved
csv-archive_url = archive_url
csv-reliability = reliability
csv-key_quote = key_quote
csv-name = name
csv-name_ko = name_ko
csv-name_zh = name_zh
csv-country = country
csv-province = province
csv-city = city
csv-latitude = latitude
csv-longitude = longitude
csv-date_part = date_part
csv-estimates_data = estimates_data
csv-published_part = published_part
problem-merge-conflict = two merged copies changed this record differently: choose between them
problem-deleted-in-other-copy = one merged copy deleted this record and the other changed it: keep or delete it
undo-several = Undo changes to { $count } records
redo-several = Redo changes to { $count } records

## Import and merge

field-retrieved = Retrieved
import-unknown-choice = “{ $value }” is not one of: { $allowed }
import-bad-number = “{ $value }” is not a number
import-bad-date = “{ $value }” is not a date written YYYY-MM-DD
import-bad-timestamp = “{ $value }” is not a time such as 2026-11-22T10:00:00Z
import-bad-estimates = the estimates cannot be read: { $message }
import-repeated-id = the id { $id } is already on line { $line }
import-title = Import CSV: { $file }
import-button = Import
import-blocked = Fix the problems listed (in the file, or by choosing other fields), or there is nothing to import
import-kind = Rows are
import-columns = Which field each column fills:
import-leave-out = (leave out)
import-column = Column { $column }
import-summary = { $added } new, { $updated } updated
import-second-header = The second row gives the columns' Korean names and is left out.
import-problems = { $count } problems: nothing is imported until they are fixed.
import-problem = line { $line }, column { $column }: { $reason }
merge-title = Merge { $file }
merge-summary = { $identical } records the same in both, { $taken } new or changed in the other copy, { $conflicts } changed differently in both.
merge-conflicts-note = After the merge you choose, field by field, between the two versions of each record changed in both.
merge-look-alikes = These look like the same event under two ids. Tick those to join into one (this copy's record is kept):
merge-look-alike = “{ $ours }” and “{ $theirs }” ({ $id })
merge-button = Merge
conflicts-title = Conflicts from a merge ({ $count })
conflicts-none = Nothing left to decide.
conflicts-deleted = One copy deleted { $kind } “{ $title }”; the other changed it.
conflicts-keep = Keep it
conflicts-delete = Delete it
conflicts-later = Decide later
conflicts-changed = Both copies changed { $kind } “{ $title }” ({ $id }). Choose each field:
conflicts-field = Field
conflicts-this-copy = This copy
conflicts-other-copy = Other copy
conflicts-empty = (empty)
conflicts-use-chosen = Use the chosen fields
command-import-csv = Import CSV…
command-merge = Merge…
command-resolve-conflicts = Resolve merge conflicts…
dialog-import-title = Import a CSV file
dialog-merge-title = Merge another copy of the dataset
import-unreadable = Could not read { $path }
import-done = Imported { $added } new and { $updated } updated records
merge-done = Merged { $file }: { $taken } records taken, { $conflicts } to decide
status-conflicts = { $count ->
        [one] 1 merge conflict
       *[other] { $count } merge conflicts
    }
path-hint-csv = /home/me/data/partner-list.csv
changed-on-disk-title = The file was changed by another program
changed-on-disk-text = { $path } was changed on disk since it was opened or last saved here. Saving now would replace those changes with yours.
changed-on-disk-overwrite = Overwrite
changed-on-disk-save-as = Save as…
changed-on-disk-reload = Reload
changed-on-disk-reload-hint = Load the file as it is now; the changes made here are given up

## Opening and saving in the background
job-opening = Opening { $file }…
job-saving = Saving { $file }…
job-stage-reading = Reading
job-stage-parsing = Reading the records
job-stage-writing = Writing
open-cancelled = Opening { $path } was cancelled. Nothing changed.
save-cancelled = Saving { $path } was cancelled. The file is as it was, and your work is still here, unsaved.
busy-wait = Wait until the file is opened or saved.
background-failed = Could not open or save in the background
background-stopped = The work stopped before it ended. Your data is still here.
table-searching = Searching…
job-stage-checking = Checking the records
chart-working = Working out the figures of { $count } records…
chart-note-timeline-largest = The { $most } forced repatriations with the most people, of { $count }: narrow the dates or the filters above to see every one. Hovering lists those at the pointer.

## The article assistant
command-share = Share a copy…
command-encryption = Encryption…
command-lock = Lock
locked-text = Locked: the records are hidden until the passphrase is given.
passphrase = Passphrase
passphrase-new = New passphrase
passphrase-again = The same again
passphrase-ok = OK
passphrase-empty = Type the passphrase first.
passphrase-differ = The two passphrases differ: type the same one twice.
passphrase-key-file = Another key file
passphrase-key-file-hint = (optional) a team member's own key file
passphrase-open-title = Encrypted dataset
passphrase-open-text = { $file } is encrypted. Its passphrase opens the key file beside it (a team member can name their own key file).
passphrase-unlock-title = Locked
passphrase-unlock-text = The window is locked. Give the passphrase to see the records again.
passphrase-encrypt-title = Encrypt with a passphrase
passphrase-encrypt-text = The dataset is saved as NAME.ron.age, encrypted to a new key kept in NAME.ron.age.key and protected by this passphrase; its backups and recovery files are encrypted too, and the plain file is removed once the encrypted one is written. Without both the key file and the passphrase nobody can read it — not even you: keep them apart and safe.
passphrase-change-title = Change the passphrase
passphrase-new-text = The key file is protected by the new passphrase from now on; the dataset's key stays the same.
passphrase-new-key-title = A new key
passphrase-new-key-text = The dataset is encrypted again to a new key, protected by this passphrase. Copies encrypted to the old key (a backup, a copy elsewhere) stay readable only with the old key file.
encryption-title = Encryption
encryption-plain-text = This dataset is not encrypted: anyone with the laptop can read it. Encrypting it keeps the file, its backup and its recovery files unreadable without the passphrase.
encryption-plain-file = File: { $file }
encryption-encrypt = Encrypt with a passphrase…
encryption-encrypted-text = This dataset is encrypted (age format). Its file, backup and recovery files are unreadable without its key file and passphrase.
encryption-public-key = Public key
encryption-copy = Copy
encryption-team = Team members' public keys (age1…, one a line): the file is encrypted to them too, and each opens it with their own key file.
encryption-set-team = Save the team
encryption-team-wrong = Not an age public key: { $key }
encryption-change-passphrase = Change the passphrase…
encryption-new-key = New key…
encryption-decrypt = Decrypt…
encryption-decrypt-warning = Decrypting saves the records as a plain file (NAME.ron) that anyone with the laptop can read, and removes the encrypted file, its backup and its key file.
encryption-decrypt-confirm = Decrypt: save as a plain file
encryption-decrypt-exists = A plain file of that name is already there; nothing was written
encryption-needs-a-file = Save the dataset under a name first: File → Save as…, where a name ending in .ron.age encrypts it.
encryption-not-removed = The new file is written, but { $file } could not be removed: remove it yourself
encryption-idle = Lock after
encryption-idle-note = without input (0: never)
encryption-key-written = The key file { $key } is written.
encryption-key-unwritten = The dataset is saved to its new key, but its key file could not be written: keep this window open and save again
minutes-suffix = { " " }min
export-includes-confidential = Its figures include { $count } records marked confidential (or with confidential details); set Confidential to “hidden (as shared)” to chart what a shared copy holds.
dialog-share-title = Write a copy to share
share-title = Share a copy
share-intro = The copy leaves out what is marked confidential. It is a dataset file of its own, with what it leaves out written beside it (NAME.left-out.txt); this dataset is not changed.
share-left-out = { $kind }: { $count } left out (confidential)
share-withheld = { $kind }: personal details ({ $fields }) withheld from { $count }
share-references = { $count } references to records left out removed
share-merge = { $count } versions and deletions a merge left to decide not shared
share-whole = Nothing is marked confidential: the copy holds every record whole.
share-write = Write the copy…
share-written = Wrote the copy to share to { $path }; what it leaves out is in { $account }.
share-not-encrypted = The copy is not encrypted.
share-failed = The copy was not written: { $error }
share-not-over-dataset = The copy to share would replace the dataset itself; choose another file.
command-new-from-article = New from article…
article-title = Records from an article
article-hint = Paste the article or statement. The records it reports are proposed on the right, each with the sentence it came from; tick those to add. Nothing is added until you press Add.
article-published = Published
article-published-unset = Set the day…
article-published-clear = Clear the publication day
article-published-why = Relative dates ("Tuesday", "last month") wait for the publication day.
article-text = Article text
article-text-hint = Paste the article here (Ctrl+V)
article-empty = Paste an article on the left to see the records it reports.
article-nothing-found = No incident or rally found in this text.
article-cut = The article is longer than 2 MB: only its beginning was read.
article-add-incident = Add incident { $number }
article-add-rally = Add rally { $number }
article-leg-of = A leg of incident { $number }
article-by = Held by { $names }
article-at = at { $place }
article-no-date = date not given
article-understood = “{ $words }” → { $meaning }
article-from-to = from { $from } to { $to }
article-from = from { $from }
article-to = to { $to }
article-add = Add { $count ->
    [one] 1 record
   *[other] { $count } records
}
dialog-article-title = Open an article
path-hint-article = /home/me/articles/statement.html
file-filter-article = Articles (text, Markdown, web pages)
article-open-file = Open a file…
article-open-file-hint = Reads the article from a text, Markdown or web page file (.txt, .md, .html) instead.
article-tick-all = Tick all
article-tick-none = Tick none
article-edit = Edit…
article-edit-hint = Change this record in its form before it is added.
article-edit-incident = Edit incident { $number }
article-edit-rally = Edit rally { $number }
article-edited = Changed in its form; added as changed:
article-editing = Proposed { $kind } { $number }, as it will be added
article-editing-hint = What the article said is filled in; change what you need. Nothing is added until you press Add.
article-edit-done = Back to the proposals
article-edit-revert = Undo my changes
article-same-as = Same event as
article-same-as-none = none: a new record
article-same-as-incident = Same event as, for incident { $number }
article-same-as-rally = Same event as, for rally { $number }
article-add-hint = Adds the records ticked, with the article as their source and the places they name, as one step of Undo.
article-added = From the article: { $count ->
    [one] 1 record added
   *[other] { $count } records added
}, { $linked } linked, with the article as their source (Undo takes them back).
article-not-text = The file is not text in UTF-8. Save the article as plain text and try again.
article-or-more = { $low } or more
article-up-to = up to { $high }
article-about = about { $best }
article-link = Already recorded: add this article as a source of “{ $title }”
article-add-and-link = Add { $count ->
    [one] 1 record
   *[other] { $count } records
} and link { $linked }
article-entered = This article is already a source in the dataset (“{ $title }”): what it reports is linked to it already.

## Reports
report-default-title = Forced repatriation of North Koreans from China
report-period = Period
report-period-none = no dated records
report-made = Made on
report-filters = Records
report-filter-none = every record of the dataset
report-filter-dates = dated between { $from } and { $to }
report-filter-status = only incidents { $status }
report-filter-place = only records naming { $place }
report-filter-organization = only records naming { $organization }
report-left-out = Left out
report-about = Made with Repatriation Watch from the records of the dataset and the sources they cite. Dates and figures are given as the sources reported them, with the days and numbers those words can mean.
report-summary = Summary
report-people-lowest = People forcibly repatriated, lowest figures
report-people-preferred = People forcibly repatriated, preferred figures
report-people-highest = People forcibly repatriated, highest figures
report-open-ended = open-ended (at least { $low })
report-incident-count = Incidents
report-rally-count = Rallies
report-counting = How the figures were counted
report-counting-people = People are those forcibly repatriated, at each incident's lowest, preferred and highest estimate.
report-counting-legs = An incident reported in several legs is counted through its legs, never as well as them.
report-counting-spread = A record whose dates span several months is shared out over them by days.
report-counting-open = When any estimate is open-ended ("at least 95"), the highest figure is open-ended too.
report-charts = Charts
report-chart-people = People forcibly repatriated per period, with the range the sources allow.
report-chart-cumulative = People forcibly repatriated in all, with the range the sources allow.
report-chart-rallies = Rallies against forced repatriation per period.
report-chart-timeline = Repatriations and the rallies that answered them.
report-incidents = Incidents
report-rallies = Rallies
report-sources = Sources
report-none-in-period = None in the period and records chosen.
report-no-sources = The records cite no sources.
report-field-kind = Kind
report-field-date = Date
report-field-people = People
report-field-also = Also reported
report-field-places = From → to
report-field-place = Place
report-field-status = Status
report-field-part-of = Part of
report-field-context = Context
report-field-attendance = Attendance
report-field-organizers = Organizers
report-field-demands = Demands
report-not-understood = “{ $words }” (days not understood)
report-reliability = reliability: { $reliability }
report-failed = Could not make the report: { $error }
report-saved = Report saved to { $path }
report-cancelled = The report was cancelled; nothing was written.
report-dialog-title = Export a report
report-form-title = Title
report-form-organization = Organization
report-form-language = Language
report-form-records = The report takes { $records } (as the filters keep them), with their sources, the summary figures and the charts. It is made from the copy to share:
report-form-export = Export PDF…
report-stage-gathering = Choosing the records…
report-stage-drawing = Drawing the charts…
report-stage-typesetting = Setting the pages…
command-export-report = Export report…
file-filter-pdf = PDF document
path-report = Export the report as PDF
report-error-empty = the dataset has no incidents or rallies to report.
report-error-nothing-selected = no incident or rally is in the period and filters chosen: widen the filters.
report-error-typeset = the pages could not be set ({ $details }).

## The map
chart-tab-map = Map
chart-title-map = Where people were sent from and to, and where rallies were held, { $pick }{ $range }{ $filtered } — Repatriation Watch
chart-note-map = Circles: people sent from or to a place. Arrows: people sent from one place to another, as wide as the preferred figure, with a dark core as wide as the lowest and a pale band as wide as the highest (dashed where open-ended, “at least”). Diamonds: rallies. Drag to move, scroll to zoom, click to list the records.
chart-empty-map = No dated incidents or rallies match the filters. Add records with a date, or clear the filters.
map-name = Map of forced repatriations and rallies
map-unplaced = { $count ->
        [one] 1 record names a place with no coordinates: it is not drawn, or drawn at one end only.
       *[other] { $count } records name places with no coordinates: they are not drawn, or drawn at one end only.
    }
map-unplaced-place = { $name } ({ $records ->
        [one] 1 record
       *[other] { $records } records
    })
map-set-point = Set its coordinates…
map-set-point-hint = Opens the place in its table, where its latitude and longitude can be entered
map-without-place = { $count ->
        [one] 1 record has no place recorded and is not on the map.
       *[other] { $count } records have no place recorded and are not on the map.
    }
map-tip-flow = From { $from } to { $to }: { $best } people (lowest { $low }, highest { $high }) in { $incidents ->
        [one] 1 incident
       *[other] { $incidents } incidents
    }
map-tip-place = { $name }: { $best } people sent from or to here (lowest { $low }, highest { $high }), in { $incidents ->
        [one] 1 incident
       *[other] { $incidents } incidents
    }
map-tip-venue = { $name }: { $rallies ->
        [one] 1 rally
       *[other] { $rallies } rallies
    }, attendance about { $attendance }
map-tip-record = • { $title } — “{ $words }”
map-tip-record-plain = • { $title }
map-tip-click = Click to list these records in their table.
map-place-unknown = place not recorded
map-view = View
map-view-region = Whole region
map-view-border = The border
map-view-seoul = Seoul
map-zoom-in = Zoom in
map-zoom-out = Zoom out
chart-chip-route = from { $from } to { $to }
map-source = Outlines: Natural Earth (public domain).
report-chart-map = Where people were sent from and to, and where rallies were held.
