"""Monthly Stammtisch poll: candidate dates, votes, tally and the documented tie-break."""
