/**
 * A notice as an e-mail: the subject says what it is about, the body repeats the notice and where
 * to act on it. Pure: no I/O.
 */
export interface NoticeForEmail {
  message: string;
  link: string | null;
  personName: string;
  tenantName: string;
}

export interface EmailContent {
  subject: string;
  text: string;
}

const subjectLength = 90;

export function noticeEmail(notice: NoticeForEmail, publicUrl: string): EmailContent {
  const firstLine = notice.message.split('\n')[0]!.trim();
  const subject = firstLine.length > subjectLength ? `${firstLine.slice(0, subjectLength - 1).trimEnd()}…` : firstLine;
  const where = notice.link ? new URL(notice.link, publicUrl).toString() : publicUrl;
  return {
    subject: `Grunnmur: ${subject}`,
    text: [
      `Hei ${notice.personName},`,
      '',
      notice.message,
      '',
      `Se mer og følg opp i Grunnmur: ${where}`,
      '',
      `Denne e-posten er sendt fra Grunnmur for ${notice.tenantName}. Du finner også varselet under bjellen øverst i Grunnmur.`,
    ].join('\n'),
  };
}
