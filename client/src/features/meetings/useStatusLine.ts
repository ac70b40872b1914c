import { useState } from 'react';

/**
 * A status line that belongs to the meeting's status it was said in: a move of the meeting (e.g. "Julkaise
 * esityslista", said by the transition buttons) is the next action, so an older line ("Asia lisätty: …") goes.
 */
export function useStatusLine(meetingStatus: string): [string, (text: string) => void] {
  const [said, setSaid] = useState({ text: '', in: meetingStatus });
  return [said.in === meetingStatus ? said.text : '', (text) => setSaid({ text, in: meetingStatus })];
}
