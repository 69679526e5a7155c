package dev.dkimagent.rules.matrix;

/** What one nameserver address serves for one expected record: each state is one finding at most. */
public enum CellState {
    /** The expected record, with the expected type and value (DKIM01 says nothing). */
    OK,
    /** Nothing at the name, or nothing of the expected type (DKIM01 RECORD_MISSING). */
    MISSING,
    /** The expected type with another value: another CNAME target, another key (DKIM01 RECORD_WRONG_TARGET). */
    WRONG_TARGET,
    /** Other data where the record is expected: A/AAAA of a flattened CNAME, a CNAME at a TXT name (DKIM01 RECORD_WRONG_TYPE). */
    WRONG_TYPE,
    /** The right CNAME with other data beside it (DKIM04 CNAME_AND_OTHER_DATA). */
    CNAME_AND_OTHER_DATA,
    /** The server's answers could not be judged; the reason says why (NS01, NS02, or nothing to report). */
    NOT_JUDGED
}
