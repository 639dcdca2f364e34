// Parses an iCalendar file with Mozilla's ical.js and prints its events as JSON, for the tests.
// usage: node parse-ics.mjs <file.ics>
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
// As a calendar client does: times given with a TZID are read by the VTIMEZONE the file carries.
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    location: event.location ?? null,
    description: event.description ?? null,
    start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
    end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
    allDay: event.startDate.isDate,
    status: component.getFirstPropertyValue("status"),
    sequence: event.sequence ?? 0,
    url: component.getFirstPropertyValue("url") ?? null,
    organizer: component.getFirstPropertyValue("organizer") ?? null,
    attendees: component.getAllProperties("attendee").map((p) => ({ address: p.getFirstValue(), name: p.getParameter("cn") ?? null })),
  };
});
console.log(JSON.stringify({ name: calendar.getFirstPropertyValue("x-wr-calname"), method: calendar.getFirstPropertyValue("method"), events }));
