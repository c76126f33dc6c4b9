"""English user-facing strings (chosen when the activity's locale is English)."""

MESSAGES: dict[str, str] = {
    "help.title": "Assistant network – what I can do for you",
    "help.intro": "I connect the assistants across the company. Write to me in a personal chat or"
    " @mention me in the channel.",
    "help.routing.title": "Find know-how",
    "help.routing.text": "Just ask: “Who knows about travel expenses in Concur?” – I name the "
    "right assistants.",
    "help.stammtisch.title": "Monthly get-together",
    "help.stammtisch.text": "Monthly poll for the assistants' get-together in the network's"
    " channel or group chat: “stammtisch” shows the current poll to vote on. Organisers start a"
    " new one with “stammtisch new”.",
    "help.buddy.title": "Buddy for newcomers",
    "help.buddy.text": "New colleagues get a welcome and a buddy. To be a buddy yourself:"
    " “become a buddy”.",
    "help.rooms.title": "Meeting rooms",
    "help.rooms.text": "“I need a room for 6 people tomorrow 2–3 pm” – I find and book a room, "
    "including restricted ones.",
    "help.privacy.title": "Your data",
    "help.footer": "Tip: “help” shows this overview at any time.",
    "help.button.ask": "Ask a question",
    "help.button.topics": "My topics",
    "help.button.room": "Find a room",
    "help.button.stammtisch": "Get-together",
    "help.button.data": "My data",
    "help.ask.title": "Question to the assistant network",
    "help.ask.label": "Your question",
    "help.ask.placeholder": "e.g. Who knows about travel expenses in Concur?",
    "help.ask.required": "Please write your question.",
    "help.ask.send": "Send question",
    "message_action.title": "Ask the assistant network",
    "message_action.intro": "Check or complete the question; I will find the right assistants.",
    "message_action.question": "Your question",
    "message_action.target": "Where should the question appear?",
    "message_action.target.required": "Please choose where the question should appear.",
    "message_action.target.channel": "In the assistant network's channel",
    "message_action.target.chat": "In your personal chat with me",
    "message_action.sent.channel": "Your question is on its way. You can follow it in the"
    " assistant network's channel.",
    "message_action.sent.chat": "Your question is on its way. You can follow it in your personal"
    " chat with me.",
    "message_action.error.bad_payload": "I could not read this request. Please open “Ask the"
    " assistant network” again. Nothing was sent.",
    "message_action.error.no_chat": "I cannot write to you personally right now (the chat with"
    " me is blocked or out of reach). Please choose the channel. Nothing was sent.",
    "message_action.error.no_channel": "I do not know a channel of the assistant network yet (the"
    " app is not installed in any team). Please choose the personal chat. Nothing was sent.",
    "who_knows.chat": "Chat",
    "who_knows.topics": "My topics: {topics}",
    "who_knows.empty": "Type a topic, e.g. “room planning” or “travel expenses”.",
    "who_knows.too_long": "That is too long for a search. Please type just the topic"
    " (at most {limit} characters).",
    "who_knows.none": "Nobody who maintains “{topic}” is available right now. You can still ask"
    " the question in the channel.",
    "who_knows.unknown_command": "I do not know this search. Please choose “Who knows what?”.",
    "welcome.team.title": "Hello assistant network! 👋",
    "welcome.team.text": "I am the assistant network's bot. I route questions to the right "
    "assistant, organise the monthly get-together, welcome new colleagues and broker meeting "
    "rooms. @mention me and write “help”.",
    "welcome.personal.text": "Welcome! I am the assistant network's bot. Write “help” to see what"
    " I can do.",
    "error.generic": "Sorry, something went wrong on my side. Please try again in a moment. "
    "Nothing was changed.",
    "error.unknown_command": "Sorry, I did not understand “{text}”. Write “help” for an overview.",
    "error.message_too_long": "Sorry, your message is too long for me (more than {limit} "
    "characters). Please write your request more briefly.",
    "error.empty_message": "Your message was empty. Write “help” for an overview.",
    "error.only_symbols": "Thank you! 🙂 If I can do something for you, tell me in words – "
    "“help” shows what I can do.",
    "error.only_question": "How can I help? Write me your question in words – “help” shows what"
    " I can do.",
    "error.card.title": "I could not carry out this action",
    "error.card.unknown_verb": "I do not know this button (any more). The card may be outdated – "
    "write “help” for a current overview.",
    "error.card.bad_payload": "This card's data is invalid or incomplete. Nothing was changed.",
    "error.tenant": "This bot is not enabled for your organisation.",
    "routing.thread.title": "Question from {name}",
    "routing.thread.experts": "These assistants know about it:",
    "routing.mark.declined": "not the right contact",
    "routing.mark.silent": "no reaction",
    "routing.mark.released": "handed back",
    "routing.mark.unreachable": "not reachable by chat",
    "routing.mark.absent": "away until further notice",
    "routing.mark.absent_until": "away until {date}",
    "routing.mark.asked": "asked",
    "routing.status.asked": "Status: {name} has been asked.",
    "routing.status.taken": "Status: {name} took the question.",
    "routing.status.answered": "Status: answered by {name}.",
    "routing.status.withdrawn": "Status: closed.",
    "routing.status.unassigned": "Status: nobody has taken it yet – any named assistant can take "
    "the question.",
    "routing.status.all_absent": "Status: nobody was asked – everyone named is away right now."
    " The question stays open: the first to return is asked; anyone back earlier can take it"
    " here.",
    "routing.answer.heading": "Answer:",
    "routing.answer.label": "Your answer",
    "routing.answer.required": "Please enter an answer.",
    "routing.clarify.prompt": "So that I ask the right assistant: what is it about?",
    "routing.reply.duplicate": "Your question is already on its way – I ask it only once.",
    "routing.clarify.fallback": "Without a choice I will ask the assistant for “{label}” on "
    "{date} at {time}.",
    "routing.mention.unchosen": "{person}, you did not choose what it is about, so I asked "
    "{expert} (“{label}”). If that does not fit, withdraw the question on the card and ask it "
    "again with a few more words.",
    "routing.mention.nobody_left": "{person}, unfortunately none of the assistants named has"
    " taken your question, and I have nobody left to ask. The question stays open – anyone named"
    " can still take it on the card. Otherwise ask it again with a few more words, or ask in the"
    " network's channel.",
    "routing.mention.unchosen_away": "{person}, you did not choose what it is about, so I filed "
    "the question under “{label}”. I cannot ask any of the assistants named directly at the "
    "moment (away or unreachable); any of them can take it over.",
    "routing.button.something_else": "Something else",
    "routing.note.chosen": "Thanks – I am asking the right assistant now.",
    "routing.reply.describe_again": "All right – please describe your question in a few more "
    "words (for example the system or the process), and I will search again.",
    "routing.error.already_chosen": "That has already been decided – the question is on its way.",
    "routing.error.unknown_choice": "This question has no such choice – nothing was changed.",
    "routing.error.clarifying": "This question has not been put to anyone yet: the asker is "
    "choosing what it is about.",
    "routing.reply.choose_below": "All right – please choose on your question what it is about; "
    "then I will ask the right assistant.",
    "routing.button.take": "Take question",
    "routing.button.decline": "Not my topic",
    "routing.button.forward": "Forward to …",
    "routing.button.forward_send": "Forward",
    "routing.button.answer": "Answer",
    "routing.button.send_answer": "Send answer (answered)",
    "routing.button.helped": "Yes, that helps",
    "routing.button.ask_anyway": "No, ask the experts anyway",
    "routing.button.withdraw": "Withdraw question",
    "routing.button.release": "Give it back",
    "routing.question.more": "more",
    "routing.question.less": "less",
    "routing.note.withdrawn": "Your question has been withdrawn.",
    "routing.note.released": "All right – the question goes to the next assistant.",
    "routing.reply.withdrawn": "Your question “{question}” has been withdrawn.",
    "routing.reply.withdrawn_private": "Your question from your personal chat with me has been "
    "withdrawn; its card there shows which one.",
    "routing.reply.withdrawn_elsewhere": "Your open question from another conversation has been "
    "withdrawn; its card there shows which one.",
    "routing.reply.nothing_to_withdraw": "You have no open question I could withdraw.",
    "routing.error.not_owner": "You have not taken this question – nothing was changed.",
    "routing.forward.label": "Who should get the question?",
    "routing.forward.required": "Please pick a person.",
    "routing.expert.title": "{name} has a question for you",
    "routing.expert.why": "Why you: {reason}",
    "routing.expert.thread_link": "[Open the thread]({link})",
    "routing.expert.paused": "Passed on because you had set a pause.",
    "routing.offer.title": "Does this help?",
    "routing.offer.earlier": "A similar question was answered before: “{question}”",
    "routing.offer.answer_by": "Answer by {name}:",
    "routing.offer.prompt": "Does this answer help you?",
    "routing.reason.topic": "Topic: {topic}",
    "routing.reason.history": "answered a similar question on {date}",
    "routing.reason.forwarded": "forwarded by {name}",
    "routing.reason.deputy": "deputy for {name}",
    "routing.reason.profile": "profile: {field}",
    "routing.field.topics": "topics",
    "routing.field.title": "job title",
    "routing.field.department": "department",
    "routing.field.about": "description",
    "routing.field.location": "location",
    "routing.reply.smalltalk": "You're welcome! If you have a question, just write it – I'll find"
    " the right assistant.",
    "routing.reply.vague": "Happy to help! What is it about? Write your question with a few"
    " keywords, for example “Who knows about travel expenses?” – and I'll ask the right"
    " assistant. “help” shows everything I can do.",
    "routing.reply.greeting": "Hello! Write me your question – or “help” for everything I can do.",
    "routing.reply.no_match": "I don't know anyone in the network for that yet. Try to phrase the"
    " question more precisely, or write “help”.",
    "routing.reply.no_experts": "No assistants are registered for this area yet. An admin can "
    "import the directory. Write “help” for an overview.",
    "routing.reply.asking": "All right, I am asking the right assistants – "
    "see the card in the chat.",
    "routing.reply.helped": "Glad the earlier answer helps!",
    "routing.note.taken": "Thanks! You took the question.",
    "routing.note.declined": "All right – I'll ask the next assistant.",
    "routing.note.forwarded": "Thanks – the question has been forwarded.",
    "routing.note.answered": "Thanks for your answer! The question is closed.",
    "routing.mention.answered": "{person}, {expert} has answered your question.",
    "routing.answered.title": "{name} has answered your question",
    "routing.remark.noted": "Thanks for the hint! It is not a new question, so I am not passing"
    " it on; the question above stays open until it is answered. To ask a question of your own,"
    " please put it as a question (with “?”).",
    "routing.remark.not_awaited": "I have not saved this as the answer: the question is not"
    " waiting for you right now and stays open. If it is your answer after all, first take the"
    " question on the card above (“Take question”) and then answer here.",
    "routing.remark.taken": "I have not saved this as the answer: {name} has taken the question"
    " and will answer it.",
    "routing.closed.new_post": "This question is already closed, so I am not passing anything on"
    " from here. Please ask a new question as a new post in the channel (@mentioning me), not as"
    " a reply here.",
    "routing.error.already_taken": "Someone else has already taken this question.",
    "routing.error.yours": "You have already taken this question.",
    "routing.error.not_named": "This question is addressed to other assistants; you cannot take "
    "it.",
    "routing.error.not_your_turn": "This question is not with you right now – nothing was "
    "changed.",
    "routing.error.closed": "This question is already closed – nothing was changed.",
    "routing.error.not_author": "Only the person who wrote the message decides this – nothing"
    " was changed.",
    "routing.confirm.title": "Is this your answer?",
    "routing.confirm.question": "The question from {asker} here is waiting for your answer:"
    " “{question}”",
    "routing.button.confirm_answer": "Yes, send it as the answer",
    "routing.button.not_an_answer": "No, it is a new question",
    "routing.error.which_question": "Several questions here are waiting for your answer –"
    " nothing was saved. Please reply to the question's card (… › Reply) and mention me.",
    "routing.error.which_question_thread": "Several questions in this thread are waiting for your"
    " answer – nothing was saved. Please use “Answer” on that question's card in our personal"
    " chat.",
    "routing.error.empty_answer": "Please enter an answer.",
    "routing.error.not_asker": "Only the person who asked can decide that.",
    "routing.error.not_your_offer": "Only the person who asked decides on this offer – nothing "
    "was changed.",
    "routing.error.unknown_question": "I do not know this question (any more).",
    "routing.error.unknown_expert": "This person is not an assistant in this network.",
    "routing.error.forward_to_self": "You cannot forward to yourself.",
    "routing.error.forward_to_asker": "You cannot forward a question to the person who asked it.",
    "routing.error.target_away": (
        "This person is away (paused or out of office) and is not being asked. "
        "Please forward to someone else."
    ),
    "routing.error.target_gone": (
        "This person is no longer with the company. Please forward to someone else."
    ),
    "routing.error.busy": "Several people are deciding at once – please try again.",
    "routing.error.not_due": "This escalation is not due (any more).",
    # experts: the "Meine Themen" profile card
    "experts.card.title": "My topics",
    "experts.card.intro": "Keep here what other assistants can ask you about. I route matching "
    "questions to you – except while you are paused.",
    "experts.card.topics": "Topics (comma separated)",
    "experts.card.topics_placeholder": "e.g. travel expenses, Concur, visa, company car",
    "experts.card.languages": "Languages people can ask you in",
    "experts.card.deputy": "Deputy",
    "experts.card.deputy_placeholder": "No deputy",
    "experts.card.pause": "Paused up to and including (optional) – I will not ask you until then",
    "experts.card.about": "About me (optional)",
    "experts.card.save": "Save",
    "experts.saved": "Saved. I take your details into account from now on.",
    "experts.saved_moved_on": "Saved. Open questions that were waiting for you ({count}) go to"
    " the next assistant while you are paused.",
    "experts.personal_only": "You keep your topics in your personal chat with me: write "
    "“my topics” there.",
    "experts.not_expert.title": "You are not in the expert directory yet",
    "experts.not_expert.text": "The network's assistants can keep topics. Ask an administrator "
    "of the bot to add you (for example through the “Assistenz-Netzwerk” group). Then write "
    "“my topics” here again.",
    "experts.error.title": "Please check your input – nothing was saved:",
    "experts.error.invalid": "One of the inputs is invalid.",
    "experts.error.topics_too_many": "Please give at most {max} topics (there are {count}).",
    "experts.error.topic_too_long": "The topic “{topic}” is too long (at most {max} characters).",
    "experts.error.language_unknown": "I do not know the language “{code}”.",
    "experts.error.deputy_self": "You cannot be your own deputy.",
    "experts.error.deputy_unknown": "The chosen deputy is not (any more) part of this network.",
    "experts.error.pause_invalid": "The pause date is not a valid date.",
    "experts.error.pause_past": "The pause date is in the past.",
    "experts.error.pause_too_far": "A pause can be at most one year ahead (until {latest}).",
    "experts.error.about_too_long": "“About me” may be at most {max} characters long.",
    "stammtisch.title": "Assistants' get-together in {month}",
    "stammtisch.subtitle.open": "Lunch {start}–{end}. Please vote by {deadline}: yes, maybe or no"
    " for each date.",
    "stammtisch.subtitle.closed": "Voting has ended.",
    "stammtisch.subtitle.cancelled": "The get-together was called off.",
    "stammtisch.counts": "Yes {yes} · Maybe {maybe} · No {no}",
    "stammtisch.yes_names": "Coming: {names}",
    "stammtisch.more": "and {count} more",
    "stammtisch.answer.ja": "Yes",
    "stammtisch.answer.vielleicht": "Maybe",
    "stammtisch.answer.nein": "No",
    "stammtisch.places.tally": "Preferred places: {tally}",
    "stammtisch.place.label": "Your preferred place",
    "stammtisch.voters.one": "One vote so far.",
    "stammtisch.voters": "{count} votes so far.",
    "stammtisch.viewer.voted": "Your vote is saved. You can change it until voting ends.",
    "stammtisch.button.place": "Save place",
    "stammtisch.answer.chosen": "✓ {answer}",
    "stammtisch.mark.open": "Leading",
    "stammtisch.mark.won": "Chosen",
    "stammtisch.button.organise": "Organise",
    "stammtisch.button.close": "Close now",
    "stammtisch.button.extend": "Extend voting",
    "stammtisch.button.export": "Export results",
    "stammtisch.button.cancel": "Call off the get-together",
    "stammtisch.button.back": "Back to the poll",
    "stammtisch.result.winner.one": "Result: **{day}**, {start}–{end}{place} – one coming.",
    "stammtisch.result.winner": "Result: **{day}**, {start}–{end}{place} – {count} coming.",
    "stammtisch.result.place": ", place: {place}",
    "stammtisch.place.open": "not decided yet – please agree on it in the team",
    "stammtisch.result.none": "No date found: nobody said yes or maybe.",
    "stammtisch.tiebreak": "Ties are broken by most yes, then most yes and maybe together, then"
    " the earliest date.",
    "stammtisch.announce.title": "The get-together is set! 🍽️",
    "stammtisch.announce.invite": "Everyone who said yes gets a calendar invitation.",
    "stammtisch.announce.none_title": "No date for the get-together",
    "reach.mention.routing": "{person}, this question is meant for you. I cannot send you a"
    " personal message yet; please open the chat with me once (Apps → Assistenz-Bot). You can"
    " also answer here; @mention me in your answer.",
    "reach.mention.stammtisch": "{person}, you have not voted for the get-together in {month}"
    " yet. The poll is open until {deadline}; I cannot send you a personal message yet.",
    "stammtisch.reminder.title": "Reminder: get-together poll",
    "stammtisch.reminder.text": "You have not voted for the get-together in {month} yet. The poll"
    " is open until {deadline}; the card is in the network's channel.",
    "stammtisch.day_before.title": "The get-together is tomorrow!",
    "stammtisch.day_before.text": "{day}, {start}–{end}{place}. See you tomorrow!",
    "stammtisch.refused.title": "Calendar invitation not sent",
    "stammtisch.refused.text": "The calendar invitation to the get-together could not be sent:"
    " Microsoft 365 did not accept it (for example, no permission on the mailbox that sends"
    " it). Please invite everyone yourself in Outlook – {day}, {start}–{end}{place} – and"
    " contact IT.",
    "stammtisch.refused.yes": "Said yes: {names}.",
    "stammtisch.uninvite_refused.title": "Calendar invitation not cancelled",
    "stammtisch.uninvite_refused.text": "The get-together on {day}, {start}–{end}{place} is"
    " called off, but Microsoft 365 did not accept the cancellation of the calendar invitation"
    " (for example, no permission on the mailbox that sent it). The meeting is still in the"
    " calendars: please cancel it yourself in Outlook.",
    "stammtisch.cancelled.title": "Get-together called off",
    "stammtisch.cancelled.text": "The get-together in {month} was called off. A calendar"
    " invitation that was sent is cancelled.",
    "stammtisch.skipped.title": "No get-together poll this month",
    "stammtisch.skipped.text": "There is no possible date for the get-together in {month}"
    " (weekends, public holidays and blackout dates are excluded), so there is no poll this"
    " time. The next poll appears here on {when}.",
    "stammtisch.invite.subject": "Assistants' get-together",
    "stammtisch.invite.body": "Lunch of the assistants' network. Place: {place}",
    "stammtisch.invite.cancelled": "The get-together was called off.",
    "stammtisch.export.title": "Get-together in {month}: all votes",
    "stammtisch.export.name": "Name",
    "stammtisch.export.place": "Place",
    "stammtisch.export.non_voters": "Not voted yet ({count}): {names}",
    "stammtisch.export.all_voted": "Every member has voted.",
    "stammtisch.export.more": "More votes",
    "stammtisch.export.range": "Votes {first}–{last} of {total}",
    "paging.restarted": "The list has become shorter in the meantime; you see its start again.",
    "stammtisch.note.voted": "Thank you! Your vote is saved.",
    "stammtisch.note.closed": "The poll is closed; the result is in the channel.",
    "stammtisch.note.extended": "Voting is now open until {deadline}.",
    "stammtisch.note.cancelled": "The get-together is called off; the invitation is being"
    " cancelled.",
    "stammtisch.reply.exists": "There is already a get-together poll for {month}.",
    "stammtisch.error.no_poll": "There is no get-together poll in this conversation yet. Start one"
    " with “stammtisch new”.",
    "stammtisch.error.no_poll_organisers": "There is no get-together poll in this conversation"
    " yet. The get-together's organisers start one here.",
    "stammtisch.error.no_poll_personal": "The get-together poll runs in the network's channel or"
    " group chat: write “stammtisch” there to see it. The get-together's organisers start new"
    " polls there.",
    "stammtisch.reply.rule_saved": "Saved. The next poll appears here on {when}.",
    "stammtisch.reply.rule_off": "Saved. The automatic poll is switched off.",
    "stammtisch.reply.rule_passed": "This month's poll date in {posted_in} ({day}) has already"
    " passed – the rule applies from {next}. So the get-together poll for {month} does not"
    " appear by itself; if you want it, post it now with “stammtisch new”.",
    "stammtisch.error.unknown": "I do not know this poll (any more). Nothing was saved.",
    "stammtisch.reply.export_sent": "I have sent you the result of the get-together poll in"
    " our personal chat.",
    "stammtisch.reply.export_undeliverable": "I cannot send you the result personally; please"
    " open the chat with me once (write “help” there, for example), then write “stammtisch"
    " export” here again.",
    "stammtisch.error.not_member": "This poll belongs to a team you are not a member of, or was"
    " opened outside its channel. Your vote was not counted.",
    "stammtisch.error.closed": "This poll is already closed. Your vote was not counted.",
    "stammtisch.error.already_closed": "The poll is already closed.",
    "stammtisch.error.unknown_option": "This answer does not fit the poll (unknown date or place)."
    " Nothing was saved.",
    "stammtisch.error.empty_vote": "Please choose yes, maybe or no for at least one date.",
    "stammtisch.error.not_organiser": "Only the get-together's organisers may do this. Nothing was"
    " changed.",
    "stammtisch.error.no_dates": "There is no suitable date in the target month (weekends, public"
    " holidays and blackout dates are excluded).",
    "stammtisch.error.changed": "The poll was changed just now. Please try again.",
    "stammtisch.error.cancelled": "The get-together is already called off.",
    "stammtisch.error.not_here": "The get-together poll runs in the network's channel or group"
    " chat. Please write “stammtisch new” there.",
    "stammtisch.error.member_not_here": "The get-together poll runs in the network's channel or"
    " group chat: write “stammtisch” there to see it. The get-together's organisers start new"
    " polls there.",
    "stammtisch.reply.results_in_channel": "The get-together poll runs in the network's channel"
    " or group chat. Write “stammtisch results” there and I will send you the table of votes"
    " here, in our personal chat.",
    "stammtisch.reply.results_members": "The get-together poll and its result are in the"
    " network's channel or group chat: write “stammtisch” there to see them. The table of all"
    " votes is for the get-together's organisers.",
    "stammtisch.error.no_user": "I cannot identify you (no Entra id in the message). Nothing was"
    " saved.",
    "stammtisch.error.rule": "This rule is not possible: {reason}",
    "stammtisch.rule.title": "Get-together rule",
    "stammtisch.rule.intro": (
        "I post the poll here every month by myself, for the following month."
    ),
    "stammtisch.rule.post_week": "Week of the month",
    "stammtisch.rule.weeks": "1st week,2nd week,3rd week,4th week,last week",
    "stammtisch.rule.post_weekday": "Weekday of the poll",
    "stammtisch.rule.post_time": "Time of the poll",
    "stammtisch.rule.deadline_weekday": "Vote until (weekday)",
    "stammtisch.rule.deadline_time": "Vote until (time)",
    "stammtisch.rule.lunch_start": "Lunch from",
    "stammtisch.rule.lunch_end": "Lunch until",
    "stammtisch.rule.weekdays": "Possible weekdays for the get-together",
    "stammtisch.rule.count": "Number of dates (3–5)",
    "stammtisch.rule.places": "Places (optional, 2–4, separated by commas)",
    "stammtisch.rule.active": "Automatic poll switched on",
    "stammtisch.rule.save": "Save rule",
    "stammtisch.rule.problem.lunch": "lunch must end after it starts",
    "stammtisch.rule.problem.weekdays": "at least one weekday (Mon–Fri) is needed",
    "stammtisch.rule.problem.places": "please give 2 to 4 places or none",
    "weekday.short": "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
    "weekday.long": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    "month.long": "January,February,March,April,May,June,"
    "July,August,September,October,November,December",
    "month.short": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
    "date.day_month": "{day} {name}",
    "date.full": "{day} {name} {year}",
    "time.clock": "{time}",
    "rooms.when": "{day}, {start}–{end}",
    "rooms.seats": "{count} seats",
    "rooms.restricted": "needs approval",
    "rooms.elsewhere": "another site",
    "rooms.form.title": "Request a room",
    "rooms.form.day": "Day",
    "rooms.form.start": "From",
    "rooms.form.end": "Until",
    "rooms.form.attendees": "People",
    "rooms.form.features": "Equipment",
    "rooms.form.reason": "Occasion (for the approver)",
    "rooms.form.required": "Please fill in.",
    "rooms.form.search": "Find free rooms",
    "rooms.form.missing": "Please add: {missing}.",
    "rooms.missing.date": "the day",
    "rooms.missing.time": "the time",
    "rooms.missing.duration": "the end",
    "rooms.missing.capacity": "the number of people",
    "rooms.feature.video": "Video",
    "rooms.feature.screen": "Screen",
    "rooms.feature.beamer": "Projector",
    "rooms.feature.whiteboard": "Whiteboard",
    "rooms.feature.phone": "Conference phone",
    "rooms.feature.accessible": "Wheelchair accessible",
    "rooms.offers.title": "These rooms are free:",
    "rooms.offers.elsewhere": "No suitable room is free at your site at that time – these "
    "rooms are at another site.",
    "rooms.offers.take": "Take {room}",
    "rooms.state.offered": "Room offered",
    "rooms.state.pending": "Waiting for approval",
    "rooms.state.booking": "Booking in progress",
    "rooms.state.booked": "Booked ✅",
    "rooms.state.declined": "Declined",
    "rooms.state.expired": "Expired",
    "rooms.state.cancelled": "Cancelled",
    "rooms.state.conflict": "Room taken meanwhile",
    "rooms.state.failed": "Booking failed",
    "rooms.failed.detail": "Microsoft 365 did not accept the booking. The room is not booked –"
    " please book it in Outlook or contact IT.",
    "rooms.button.cancel": "Cancel",
    "rooms.button.approve": "Approve",
    "rooms.button.decline": "Decline",
    "rooms.approval.title": "Room request for approval",
    "rooms.approval.who": "Who",
    "rooms.approval.when": "When",
    "rooms.approval.room": "Room",
    "rooms.approval.attendees": "People",
    "rooms.approval.why": "Occasion",
    "rooms.decided.booking": "Approved by {name}.",
    "rooms.decided.booked": "Approved by {name} and booked.",
    "rooms.decided.declined": "Declined by {name}.",
    "rooms.decided.expired": "Expired: nobody decided before the start.",
    "rooms.decided.cancelled": "Cancelled by the requester.",
    "rooms.decided.conflict": "Approved by {name}, but the room was taken meanwhile.",
    "rooms.decided.failed": "Approved by {name}, but Microsoft 365 did not accept the booking:"
    " the room is not booked. The requester has been told.",
    "rooms.decided.offered": "",
    "rooms.decided.pending": "",
    "rooms.list.mine": "Your room requests and bookings",
    "rooms.list.inbox": "Open room requests",
    "rooms.list.empty": "None.",
    "rooms.list.line": "**{room}** – {when} – {state}",
    "rooms.list.by": "requested by {name}",
    "rooms.list.more": "More requests",
    "rooms.list.range": "Requests {first}–{last} of {total}",
    "rooms.note.chosen": "Thank you! I am on it.",
    "rooms.note.approved": "You approved.",
    "rooms.note.declined": "You declined. The requester is informed.",
    "rooms.note.cancelled": "Cancelled.",
    "rooms.asked.people": "{count} people",
    "rooms.asked.person": "1 person",
    "rooms.button.cancel_confirm": "Yes, cancel",
    "rooms.cancel.question": "Really cancel? {what}",
    "rooms.cancel_refused.title": "Meeting not cancelled",
    "rooms.error.cancel_refused": "The booking could not be cancelled: Microsoft 365 did not"
    " accept the cancellation. The meeting is still in the calendar – please cancel it in"
    " Outlook.",
    "rooms.erased_left.title": "Please cancel a room booking in Outlook",
    "rooms.erased_left.text": "The booking of {room} on {when} could not be cancelled"
    " automatically: the data of the person who requested the room was deleted at their request,"
    " and Microsoft 365 did not accept the cancellation. The meeting still stands in the room's"
    " calendar – please cancel it in Outlook so that the room is free again.",
    "rooms.list.line_no_room": "{when} – {state}",
    "rooms.note.booked": "Done – the invitation is in your calendar.",
    "rooms.note.failed": "That did not work – the room is not booked.",
    "rooms.note.cancelled_one": "Cancelled: {what}",
    "rooms.hint.sunday": "Note: {day} is a Sunday – is that what you meant?",
    "rooms.hint.holiday": "Note: {day} is a public holiday ({name}) – is that what you meant?",
    "rooms.reply.refreshed": "Room catalogue refreshed: {count} rooms.",
    "rooms.event.subject": "Room booking for {name}",
    "rooms.event.cancelled": "The room booking was cancelled.",
    "rooms.problem.in_past": "the time is in the past",
    "rooms.problem.end_before_start": "the end is before the start",
    "rooms.problem.invalid_date": "this date does not exist",
    "rooms.problem.nonexistent_time": "this time does not exist on the day the clocks change",
    "rooms.problem.weekday_mismatch": "weekday and date do not match",
    "rooms.problem.no_attendees": "the number of people must be at least 1 (how many people"
    " is the room for?)",
    "rooms.error.understood_but": "I cannot request that: {problems}. Nothing was requested.",
    "rooms.error.end_before_start": "The end is before the start. Nothing was requested.",
    "rooms.error.in_past": "This time is in the past. Nothing was requested.",
    "rooms.error.too_long": "I cannot request a room for that long (at most {hours} hours).",
    "rooms.error.too_far": "I cannot book that far ahead yet (at most {days} days).",
    "rooms.error.no_attendees": "Please say for how many people.",
    "rooms.error.too_many": "No room has that many seats. Nothing was requested.",
    "rooms.error.no_catalogue": "I do not know any rooms yet (the room catalogue is empty). Please"
    " contact the administrators.",
    "rooms.error.not_allowed": "You may not request rooms through the bot.",
    "rooms.error.no_matching_room": "No room has enough seats and the equipment you want.",
    "rooms.error.none_free": "No suitable room is free at that time. Try another time.",
    "rooms.error.none_free_at": "No suitable room is free in {site} at that time. Nothing was"
    " requested – try another time or leave out the place.",
    "rooms.error.no_matching_room_at": "No room in {site} has enough seats and the equipment you"
    " want. Nothing was requested – leave out the place to see every site.",
    "rooms.error.no_mailbox": (
        "I cannot find your mailbox in the directory. Nothing was requested."
    ),
    "rooms.error.unknown": "I do not know this room request (any more). Nothing was changed.",
    "rooms.error.decided": "This request has already been decided. Nothing was changed.",
    "rooms.error.stale": "This card is out of date; the request has changed meanwhile. Nothing was"
    " changed.",
    "rooms.error.expired": "This request has expired: the meeting has already started.",
    "rooms.error.not_requester": "Only the person who requested the room can do this.",
    "rooms.error.not_approver": "You are not responsible for this room. Nothing was changed.",
    "rooms.error.unknown_room": "This room was not offered to you. Nothing was requested.",
    "rooms.error.invalid_date": "The date or time is invalid. Nothing was requested.",
    "rooms.error.no_user": "I cannot identify you (no Entra id in the message).",
    "rooms.error.not_admin": "Only the bot's administrators may do this.",
    "onboarding.welcome.title": "Welcome to the assistants' network, {name}! 👋",
    "onboarding.welcome.network": "Team and executive assistants help each other here: with"
    " know-how, at the monthly get-together and with scarce meeting rooms.",
    "onboarding.welcome.ask": "How to ask: just write me your question (“Who knows travel"
    " expenses?”) and I name the right colleagues.",
    "onboarding.welcome.stammtisch": "Once a month we meet for lunch; the poll comes in the"
    " network's channel.",
    "onboarding.welcome.buddy": "Your buddy is {buddy}",
    "onboarding.welcome.buddy_soon": "We are choosing your buddy; you will hear from us soon.",
    "onboarding.button.topics": "Enter my topics",
    "onboarding.button.chat": "Start a chat",
    "onboarding.button.meeting": "Propose a meeting",
    "onboarding.button.opt_out": "I don't want a buddy",
    "onboarding.button.change": "Change buddy",
    "onboarding.button.assign": "Assign as buddy",
    "onboarding.chat_message": "Hello! Looking forward to meeting you.",
    "onboarding.meeting_subject": "Getting to know each other (buddy)",
    "onboarding.reason.same_site": "same site",
    "onboarding.reason.same_floor": "same floor",
    "onboarding.reason.no_recent_pairing": "",
    "onboarding.reason.fewest_buddies": "",
    "onboarding.reason.admin": "chosen by the administrators",
    "onboarding.buddy.title": "You are the buddy of {name}",
    "onboarding.buddy.why": "Why you: {reason}.",
    "onboarding.buddy.checklist_title": "What you could show:",
    "onboarding.buddy.checklist": "kitchen, printers and mail|the key contacts in the"
    " building|room booking and the rooms that need approval|travel expense and ordering"
    " processes|the next get-together",
    "onboarding.replaced.title": "Buddy change for {name}",
    "onboarding.replaced.text": "An administrator has paired {name} with another buddy, so you"
    " are no longer {name}'s buddy.",
    "onboarding.replaced.still_volunteer": "Thank you for offering to help – you stay listed as a"
    " buddy for future new colleagues.",
    "onboarding.replaced.no_longer_volunteer": "Thank you for your help. You are no longer listed"
    " as a buddy; “become a buddy” signs you up again at any time.",
    "onboarding.admin.title": "No buddy found for {name}",
    "onboarding.admin.text": "Nobody fits right now (capacity, pauses, exclusions). You can pick"
    " any volunteer who is neither paused nor at capacity.",
    "onboarding.admin.pick": "Buddy",
    "onboarding.admin.pick_required": "Please pick a buddy.",
    "onboarding.admin.nobody_free": "Nobody is free right now: the volunteers have paused or"
    " already look after as many new colleagues as they offered to (or nobody has volunteered"
    " yet). As soon as someone volunteers (“become a buddy”, also with a higher number), {name}"
    " gets a buddy automatically.",
    "onboarding.check_in.title": "Have you met?",
    "onboarding.check_in.text": "{days} days ago we introduced you to {other}. How is it going?",
    "onboarding.check_in.ja": "Yes",
    "onboarding.check_in.noch_nicht": "Not yet",
    "onboarding.check_in.hilfe": "Need help",
    "onboarding.help.title": "A buddy pair needs help",
    "onboarding.help.text": "{who} chose “need help” at the check-in (pair: {newcomer} and"
    " {buddy}).",
    "onboarding.overview.title": "Onboarding: overview",
    "onboarding.overview.line": "**{name}** – {state}, buddy: {buddy}, welcome: {welcomed}",
    "onboarding.overview.not_yet": "not delivered yet",
    "onboarding.overview.waiting": "Undelivered messages: {count}",
    "onboarding.overview.more": "More onboardings",
    "onboarding.overview.range": "Onboardings {first}–{last} of {total}",
    "paging.and_more": "and {count} more",
    "onboarding.state.paired": "with buddy",
    "onboarding.state.unpaired": "waiting for assignment",
    "onboarding.state.opted_out": "no buddy (declined)",
    "onboarding.state.done": "finished",
    "onboarding.note.opted_out": "All right, you will not get a buddy. You can still ask me"
    " anything.",
    "onboarding.note.assigned": "{buddy} is the buddy now. Both are informed.",
    "onboarding.note.check_in": "Thank you for your feedback!",
    "onboarding.note.check_in_help": "Thank you! The administrators will get in touch.",
    "onboarding.reply.volunteer.one": "Thank you! You are now a buddy volunteer (for one newcomer"
    " at a time). “buddy pause until 31.12.” pauses, “buddy stop” stops.",
    "onboarding.reply.volunteer": "Thank you! You are now a buddy volunteer (up to {capacity}"
    " people at a time). “buddy pause until 31.12.” pauses, “buddy stop” stops.",
    "onboarding.reply.not_volunteer": "You are not a buddy volunteer yet. “become a buddy”"
    " signs you up (with a number: how many newcomers at a time).",
    "onboarding.reply.paused": "You are paused until {until}.",
    "onboarding.reply.stopped": "You are no longer a buddy volunteer. “become a buddy”"
    " starts again.",
    "onboarding.error.unknown": "I do not know this onboarding (any more). Nothing was changed.",
    "onboarding.error.not_yours": "This concerns another buddy pair. Nothing was changed.",
    "onboarding.error.not_admin": "Only the bot's administrators may do this.",
    "onboarding.error.changed": "This was changed just now. Please try again.",
    "onboarding.error.opted_out": "This person does not want a buddy.",
    "onboarding.error.self": "Nobody can be their own buddy.",
    "onboarding.error.capacity": "Please give a number from 1 to 5.",
    "onboarding.error.pause_past": "The pause date must be in the future.",
    "onboarding.error.pause_date": "Please give a date, e.g. “buddy pause until 31.12.2026”.",
    "onboarding.error.no_user": "I cannot identify you (no Entra id in the message).",
    "onboarding.error.not_pickable": "I cannot assign this person as a buddy: they have not"
    " volunteered (or said “buddy stop”, or left the team). Please pick someone from the list."
    " Nothing was changed.",
    "onboarding.error.buddy_paused": "This person has paused as a buddy. Please pick someone else"
    " from the list; nothing was changed.",
    "onboarding.error.buddy_full": "This person already looks after as many new colleagues as they"
    " offered to. Please pick someone else from the list; nothing was changed.",
    "onboarding.note.already_buddy": "{buddy} is already {name}'s buddy. Nothing was changed and"
    " nobody was notified.",
    "onboarding.changed.buddy": "Your buddy is now {buddy}",
    "onboarding.error.check_in_days": "There is no such check-in (yet). Nothing was saved.",
    "onboarding.opted_out.title": "{name} does not want a buddy",
    "onboarding.opted_out.text": "{name} prefers to start without a buddy, so you are no longer"
    " {name}'s buddy. You will get no more check-ins about it.",
    "onboarding.newcomer_left.title": "Onboarding of {name} has ended",
    "onboarding.newcomer_left.text": "{name} has left the team, so their onboarding has ended;"
    " you will get no more check-ins about it.",
    "onboarding.state.left": "left the team",
    "onboarding.error.left": "This person is not in the team at the moment; their onboarding is"
    " on hold. Nothing was changed. If they come back to the team, I will look for a buddy for"
    " them again and ask you if nobody is free.",
    "onboarding.error.personal_only": "I show the onboarding overview only in our personal chat"
    " – personal data does not belong in a channel or group chat. Write “onboarding status” to"
    " me there.",
    "onboarding.error.not_volunteer": "You are not a buddy volunteer – there is nothing to"
    " pause. “become a buddy” signs you up.",
    "onboarding.reply.status_paused": "You are a buddy volunteer, but paused until {until}:"
    " until then you get no new colleagues. “become a buddy” ends the pause, “buddy stop”"
    " signs you off.",
    "status.title": "Bot status",
    "status.version": "Version",
    "status.database": "Database",
    "status.graph": "Microsoft Graph",
    "status.jobs_pending": "Scheduled jobs",
    "status.jobs_overdue": "of which overdue",
    "status.jobs_retrying": "of which retrying",
    "status.jobs_given_up": "jobs given up",
    "status.unwelcomed": "undelivered welcomes",
    "status.rooms": "Rooms in the catalogue",
    "status.rooms_synced": "Room catalogue read",
    "status.value.ok": "reachable",
    "status.value.down": "NOT reachable",
    "status.not_admin": "Only the bot's administrators can see the status.",
    "status.personal_only": "I show the status only in our personal chat – it names people, and "
    "personal data does not belong in a channel or group chat. Write “bot status” to me there.",
    "help.privacy.text": "“my data” shows what I have stored about you; “delete my data” "
    "deletes it after asking you to confirm.",
    "privacy.personal_only": "I show and delete your data only in our personal chat – personal "
    "data does not belong in a channel or group chat. Write “my data” to me there.",
    "privacy.unknown_person": "I cannot identify you reliably (your message carries no Entra "
    "id). Please contact IT operations.",
    "privacy.export.title": "Your stored data",
    "privacy.export.intro": "This is what I have stored about you (entries per kind of data):",
    "privacy.export.nothing": "I have nothing stored about you.",
    "privacy.export.json_hint": "Every detail is under “All details (JSON)”. Teams does not let "
    "me send a file without asking you first: select and copy the text to keep it.",
    "privacy.export.in_parts": "The details do not fit into one message; I show them in "
    "{pages} parts. Copy the parts one after the other.",
    "privacy.export.part": "Part {page} of {pages}",
    "privacy.export.next": "Next part",
    "privacy.export.previous": "Previous part",
    "privacy.export.show_json": "All details (JSON)",
    "privacy.export.erase": "Delete my data …",
    "privacy.confirm.title": "Delete my data?",
    "privacy.confirm.text": "I delete your expert profile, what I need to write to you, "
    "and pending tasks for you. Where others rely on your contributions I only remove your "
    "name: votes of finished Stammtisch polls still count, answered questions stay as the "
    "network's knowledge, room requests stay in the audit trail without a name. Your open "
    "questions and room requests are withdrawn, your upcoming room bookings cancelled. I also "
    "delete your entries in the teams' member lists; as long as you are a member of a team "
    "with this app, the daily update adds you again so that I can reach you.",
    "privacy.confirm.final": "This cannot be undone. The confirmation is valid for {minutes} "
    "minutes.",
    "privacy.confirm.yes": "Yes, delete for good",
    "privacy.confirm.no": "Cancel",
    "privacy.cancelled": "Cancelled – nothing was deleted.",
    "privacy.already_erased": "This confirmation has already been used to delete; "
    "there is nothing more to do.",
    "privacy.invalid_offer": "This confirmation is invalid, already used or expired. Nothing was "
    "deleted. Write “delete my data” to start again.",
    "privacy.erased.title": "Your data is deleted",
    "privacy.erased.intro": "Deleted or anonymised (entries per kind of data):",
    "privacy.erased.nothing": "Nothing was stored about you.",
    "privacy.erased.note": "Messages and cards already in Teams, and meetings already booked in "
    "calendars, are not changed. If you write to me again, I store again what that needs.",
    "privacy.kind.conversation_references": "Details to write to you in the chat",
    "privacy.kind.processed_activities": "Notes on messages already answered",
    "privacy.kind.room_bookings_cancelling": "Room bookings being cancelled now (should"
    " Microsoft 365 not accept the cancellation, I ask those responsible for the room to cancel"
    " them in Outlook)",
    "privacy.kind.urgent_meetings_cancelling": "Unconfirmed urgent calls whose meeting is"
    " being cancelled now, should it have been created",
    "privacy.kind.experts": "Expert profile",
    "privacy.kind.questions": "Questions",
    "privacy.kind.scheduled_jobs": "Scheduled tasks",
    "privacy.kind.stammtisch_rules": "Stammtisch rules",
    "privacy.kind.stammtisch_polls": "Stammtisch polls",
    "privacy.kind.stammtisch_votes": "Stammtisch votes",
    "privacy.kind.room_requests": "Room requests",
    "privacy.kind.room_audit": "Room request audit trail",
    "privacy.kind.onboardings": "Buddy onboarding",
    "privacy.kind.buddy_volunteers": "Buddy volunteering",
    "privacy.kind.onboarding_group_members": "“Already welcomed” marker",
    "privacy.kind.team_members": "Memberships of teams with this app",
    "privacy.kind.member_reach": "Reachability for my messages",
    "privacy.kind.routing_decisions": "What the expert search learnt from “Not my topic” and "
    "forwards",
    "privacy.kind.urgent_calls": "Urgent calls (requested or taking part)",
    "privacy.kind.urgent_audit": "Urgent call audit trail",
    "privacy.export.teams": "You are a member of these teams I am installed in: {teams}.",
    "privacy.export.teams_left": "Former member (deleted when the retention period ends): "
    "{teams}.",
    "privacy.export.reach_ok": "My last message to you arrived.",
    "privacy.export.reach_failed": "My last message to you did not arrive. Reason: {reason}.",
    "reach.reason.not_in_any_team": "not in a team with the app",
    "reach.reason.install_forbidden": "app installation forbidden by a policy",
    "reach.reason.user_unknown": "account unknown or disabled in Entra ID",
    "reach.reason.blocked": "blocked or removed the bot",
    "reach.reason.throttled": "Microsoft Graph overloaded, trying again with the next message",
    "status.members.title": "Members of the teams with the app",
    "status.members.teams": "Teams with the app",
    "status.members.active": "Members (people)",
    "status.members.unreachable": "last not reachable",
    "status.members.synced_title": "Member list last read",
    "status.members.never": "never",
    "status.members.unreachable_title": "Not reachable",
    "status.members.more": "and {count} more",
    "status.members.down": "The member data cannot be read right now.",
    # Birthdays and jubilees (issue 15, habit 3)
    "help.birthdays.title": "Birthdays and jubilees",
    "help.birthdays.text": "Only if you wish: “my birthday” (no year) – you choose who sees it."
    " “remind me of birthdays in the network” reminds you of the others'.",
    "privacy.kind.birthday_profiles": "Birthday and jubilees (your choices)",
    "privacy.kind.birthday_follows": "Whom you follow (birthday reminders)",
    "privacy.kind.birthday_follows_both": "Birthdays: whom you followed and who followed you",
    "privacy.kind.birthday_followers": "How many follow you (the number only, no names)",
    "birthdays.saved": "Saved: your birthday is {day} – visible to: {audience}.",
    "birthdays.stored_day": "{day} {month}",
    "birthdays.audience.network": "the network (also in the channel)",
    "birthdays.audience.followers": "only colleagues who follow you",
    "birthdays.visibility_saved": "Your birthday is now visible to: {audience}.",
    "birthdays.visibility_help": "Please write “birthday visible to network” or “birthday "
    "visible to followers”.",
    "birthdays.deleted": "Your birthday is deleted. Nobody will be reminded of it.",
    "birthdays.nothing_deleted": "You had no birthday stored.",
    "birthdays.jubilee_on": "Service jubilees on: your followers are reminded a week before "
    "round jubilees (hire date from the directory).",
    "birthdays.jubilee_on_kept": "Service jubilees on – your wish is saved.",
    "birthdays.no_hire_date": "However, the directory (Microsoft Entra ID) has no hire date for "
    "you yet, so I cannot announce a jubilee for now. Your HR or IT department enters it "
    "there; once it is there, your followers are reminded a week before round jubilees.",
    "birthdays.not_in_team": "However, I know you from no team I am installed in. I announce "
    "birthdays and jubilees only for members of those teams – until you are in one, nobody "
    "learns of it (neither your followers nor the channel).",
    "birthdays.not_in_team_reminded": "However, I know you from no team I am installed in. "
    "Reminders go only to members of those teams – your wish is kept, and you will be reminded "
    "once you are in one.",
    "birthdays.jubilee_help": "Please write “service jubilee on” or “service jubilee off”.",
    "birthdays.jubilee_off": "Service jubilees off: your hire date is no longer read.",
    "birthdays.network_on": "Sure: I will remind you of the birthdays shared with the network.",
    "birthdays.network_off": "You will no longer get reminders of network birthdays.",
    "birthdays.followed": "You now follow {name}. You will be reminded if {name} shares a "
    "birthday or jubilees.",
    "birthdays.unfollowed": "You no longer follow {name}.",
    "birthdays.unfollow_whom": "Whom would you like to stop following? You follow: {names}. "
    "Write e.g. “unfollow {example}”.",
    "birthdays.unfollow_nobody": "You are not following anyone at the moment. With “follow "
    "Jana Becker” you get reminders of a colleague's birthday.",
    "birthdays.and_more": "{names} and {more} more",
    "birthdays.not_followed": "You follow nobody of that name.",
    "birthdays.nobody_found": "I find nobody called “{name}” in the network.",
    "birthdays.name_missing": "Please add a name, e.g. “follow Jana Becker”.",
    "birthdays.congratulated": "Thank you! Your congratulations appear in the network's "
    "channel in a moment.",
    "birthdays.already_congratulated": "You have congratulated already.",
    "birthdays.personal_only": "This only works in your personal chat with me.",
    "birthdays.error.invalid_date": "That date does not exist. Please give day and month like "
    "“14 March” or “March 14”. Nothing was stored.",
    "birthdays.error.unreadable_date": "I do not understand that date. Please give day and "
    "month like “my birthday 14 March” or “my birthday March 14”. Nothing was stored.",
    "birthdays.error.unknown_person": "I cannot find this person in the network (any more). "
    "Nothing was changed.",
    "birthdays.error.no_birthday": "You have not stored a birthday yet. First write “my birthday "
    "14 March” – or “my birthday” for the form with the visibility. Nothing was stored.",
    "birthdays.error.self": "You cannot follow or congratulate yourself.",
    "birthdays.error.not_shared": "This birthday is not shared with the network. Nothing was "
    "posted.",
    "birthdays.error.stale": "This reminder is out of date. Nothing was posted.",
    "birthdays.error.left": "This person is no longer in any team I am installed in, so I do "
    "not congratulate them in the channel. Nothing was posted.",
    "birthdays.error.no_channel": "I am in no team whose channel I could post in.",
    "birthdays.error.no_user": "I cannot tell who you are (no Entra id in this chat).",
    "birthdays.form.title": "Birthday and jubilees",
    "birthdays.form.intro": "All optional: others learn only what you enter here, and only "
    "those you choose. The birthday is stored without the year.",
    "birthdays.form.day": "Day",
    "birthdays.form.month": "Month",
    "birthdays.form.not_in_team": "Note: I know you from no team I am installed in. You can "
    "save anyway – but nothing is announced, and you get no reminders, until you are a member "
    "of such a team.",
    "birthdays.form.invalid_date": "There is no {day} – please change the day or the month. "
    "Nothing was saved; your entries are still in the form.",
    "birthdays.form.required": "Please choose day and month.",
    "birthdays.form.visibility": "Who may learn it?",
    "birthdays.form.jubilee": "Announce round service jubilees to my followers",
    "birthdays.form.remind_network": "Remind me of birthdays in the network",
    "birthdays.form.following": "You follow: {names}",
    "birthdays.form.following_more": "You follow: {names} – and {more} more that do not fit "
    "here. To stop following someone: “unfollow” and the name, e.g. “unfollow {example}”.",
    "birthdays.form.save": "Save",
    "birthdays.pick.title": "Whom do you mean by “{name}”?",
    "birthdays.pick.more": "{more} more match but are not listed (I show only the first "
    "{shown}). If the person is not here, please write more of the name, e.g. first and last "
    "name.",
    "birthdays.pick.follow": "Follow",
    "birthdays.pick.unfollow": "Unfollow",
    "birthdays.reminder.birthday_yesterday": "Yesterday was {name}'s birthday.",
    "birthdays.reminder.birthday_past": "{name}'s birthday was on {weekday}, {day}.",
    "birthdays.reminder.birthday_today": "Today is {name}'s birthday.",
    "birthdays.reminder.birthday_ahead": "{name}'s birthday is on {day} – in {days} days.",
    "birthdays.reminder.birthday_tomorrow": "{name}'s birthday is on {day} – tomorrow.",
    "birthdays.reminder.jubilee": "{name} celebrates {years} years of service on {day}. Flowers?",
    "birthdays.reminder.title": "Reminder",
    "birthdays.button.congratulate": "Congratulate",
    "birthdays.button.chat": "Open chat",
    "birthdays.chat_message": "All the best!",
    "birthdays.greeting.title": "Happy birthday!",
    "birthdays.greeting.text": "{sender} wishes {name} a happy birthday. 🎉",
    # Coffee and lunch roulette (issue 15)
    "help.roulette.title": "Coffee and lunch roulette",
    "help.roulette.text": 'Meet colleagues from other departments: "coffee roulette on".',
    "help.button.roulette": "Coffee roulette",
    "roulette.title": "Coffee and lunch roulette",
    "roulette.intro": "Every {weeks} weeks I introduce you to two or three colleagues from other"
    " departments, with a time when all of you are free.",
    "roulette.state.out": "You are not taking part in the roulette at the moment.",
    "roulette.state.in": "You are taking part (site: {site}). Choose how you would like to meet.",
    "roulette.site.none": "unknown",
    "roulette.formats.label": "How would you like to meet?",
    "roulette.formats.required": "Please choose at least one way.",
    "roulette.format.coffee": "coffee",
    "roulette.format.lunch": "lunch",
    "roulette.format.virtual": "virtual",
    "roulette.scope.label": "With whom?",
    "roulette.scope.required": "Please choose with whom you would like to meet.",
    "roulette.scope.site": "only at my site",
    "roulette.scope.all": "all sites",
    "roulette.button.join": "Join",
    "roulette.button.save": "Save",
    "roulette.button.off": "Roulette off",
    "roulette.button.chat": "Open group chat",
    "roulette.button.other": "Doesn't suit – another time",
    "roulette.button.yes": "Yes",
    "roulette.button.no": "No",
    "roulette.note.on": "You are taking part in the coffee and lunch roulette.",
    "roulette.note.saved": "Your choices are saved; they apply from the next round.",
    "roulette.note.off": "You are no longer taking part in the roulette; your choices are"
    ' deleted. "coffee roulette on" brings you back.',
    "roulette.note.was_off": 'You were not taking part in the roulette. "coffee roulette on"'
    " signs you up.",
    "roulette.note.other": "New suggestion – the others get it too.",
    "roulette.personal_only": "Please set up the coffee roulette in your personal chat with me.",
    "roulette.intro.heading": "This time the draw decided:",
    "roulette.other.heading": "The first suggestion did not suit. Here is a new one:",
    "roulette.meet": "You are meeting {names}.",
    "roulette.and": " and ",
    "roulette.formats.shared": "Possible for all of you: {formats}",
    "roulette.suggestion": "Suggestion (everyone is free): {when}",
    "roulette.slot": "{when} ({format})",
    "roulette.no_slot": "I found no time in the next two weeks when all of you are free; please"
    " agree on one in the group chat.",
    "roulette.chat.topic": "Coffee roulette",
    "roulette.chat.message": "Hello! The coffee roulette brought us together. When would suit"
    " you?",
    "roulette.unmatched.text": "This time the draw found nobody who fits your settings (for "
    "example “only at my site”, or too few are taking part right now). You are in the next round "
    "again; change your settings with “coffee roulette”.",
    "roulette.follow_up.question": "Did you meet?",
    "roulette.follow_up.why": "I only ask to offer you the next round; your answer is not stored"
    " with your name.",
    "roulette.follow_up.thanks_yes": "Great that it worked out!",
    "roulette.follow_up.thanks_no": "What a pity – maybe next time.",
    "roulette.follow_up.next": 'You are in the next round again. To skip it, choose "Roulette'
    ' off".',
    "roulette.error.not_in": 'You are not taking part in the roulette. "coffee roulette on"'
    " signs you up.",
    "roulette.error.left_network": "You are no longer in any team I am installed in. The roulette"
    " brings the members of those teams together; once you are in one again, you can join."
    " Nothing was changed.",
    "roulette.error.ended": "You are not (or no longer) taking part in the roulette: you are no"
    " longer in any team I am installed in, and the roulette brings the members of those teams"
    " together. Nothing of yours is stored for it any more; once you are in a team again,"
    " “coffee roulette on” signs you up.",
    "roulette.error.formats": "Please choose at least one way to meet.",
    "roulette.error.scope": "Please choose with whom you would like to meet.",
    "roulette.error.not_yours": "This card does not belong to your roulette meeting. Nothing was"
    " changed.",
    "roulette.error.stale": "This card is out of date: there is a newer suggestion already."
    " Nothing was changed.",
    "roulette.error.no_more_slots": "I found no other time when all of you are free; please agree"
    " on one in the group chat.",
    "roulette.error.partner_left": "This meeting will not take place: the other person no longer"
    " takes part in the roulette. I will draw again for you in the next round.",
    "roulette.error.no_user": "I cannot tell who you are (no Entra account in this message)."
    " Nothing was changed.",
    "status.roulette_participants": "Coffee roulette: participants",
    "status.roulette_groups": "Coffee roulette: groups of the last round",
    "status.roulette_met": "Coffee roulette: met / did not meet (last round)",
    "privacy.kind.roulette_participants": "Coffee roulette: participation and choices",
    "privacy.kind.roulette_groups": "Coffee roulette: introductions",
    # Urgent call (issue 15, habit 1)
    "help.urgent.title": "Urgent call",
    "help.urgent.text": "In our personal chat: “I need 30 minutes with Dr. Albrecht and Mr. Meyer"
    " today” – I find a common time, or ask the assistants whether they can free some.",
    "urgent.day.today": "today",
    "urgent.day.tomorrow": "tomorrow",
    "urgent.day.on": "on {day}",
    "urgent.title": "Urgent call: {minutes} minutes with {people}",
    "urgent.offers": "Everyone is free at these times. One click invites everyone to a Teams"
    " meeting:",
    "urgent.invite": "Invite: {slot}",
    "urgent.cancel": "Cancel",
    "urgent.booked": "Teams meeting booked: {slot}. Everyone is invited.",
    "urgent.booking": "Booking: {slot} …",
    "urgent.cancelled": "Cancelled ({slot}).",
    "urgent.cancelled_open": "Cancelled.",
    "urgent.cancelled_unconfirmed": "Cancelled ({slot}). Whether the Teams meeting was created"
    " all the same is not confirmed: please check your calendar.",
    "urgent.expired": "Expired: no meeting was booked.",
    "urgent.ask.expired": "No longer needed: the time is over, nothing was booked.",
    "urgent.booking_failed": "The booking failed ({slot}): the Teams meeting could not be"
    " created, nobody was invited. Please invite them yourself or send a new request.",
    "urgent.ask.booking_failed": "No longer needed: the meeting could not be booked.",
    "urgent.booking_refused": "The booking failed ({slot}): Microsoft 365 did not accept the"
    " Teams meeting (for example, no permission on your calendar), nobody was invited. Please"
    " invite them yourself in Outlook and contact IT.",
    "urgent.booking_unconfirmed": "The booking is not confirmed ({slot}). The Teams meeting may"
    " have been created and everyone invited all the same. Please check your calendar before"
    " inviting them yourself.",
    "urgent.ask.booking_unconfirmed": "The booking is not confirmed. Please check the calendar"
    " for the meeting.",
    "urgent.no_common": "No common slot: {people} is busy. I am asking the assistants whether"
    " they can free time between {span}:",
    "urgent.no_common_unasked": "No common slot between {span}: {people} is busy.",
    "urgent.unassisted": "{name} has no assistant I can ask: nobody can free this time."
    " Please contact {name} directly.",
    "urgent.answer.unreachable": "not reachable (bot not installed or blocked)",
    "urgent.answer.waiting": "waiting for an answer",
    "urgent.answer.yes": "Yes, from {time}",
    "urgent.answer.no": "Unfortunately not",
    "urgent.refused": "Nobody can free time for {name}, unfortunately.",
    "urgent.proposal": "Possible: {slot}. You decide – nothing is booked before your click.",
    "urgent.fallback": "Or tomorrow morning, when everyone is free:",
    "urgent.ask": "Could you free {minutes} minutes for {name} {day} between {start} and {end}?",
    "urgent.ask.why": "{asker} urgently needs a meeting with {people}.",
    "urgent.ask.from": "From when?",
    "urgent.ask.yes": "Yes, from the chosen time",
    "urgent.ask.no": "Unfortunately not",
    "urgent.ask.thanks": "Thank you, your answer: {answer}.",
    "urgent.ask.booked": "Done: the meeting is booked ({slot}).",
    "urgent.ask.cancelled": "No longer needed: the request was cancelled.",
    "urgent.ask.withdrawn": "No longer needed: the request for an urgent call was cancelled. You"
    " need not free any time.",
    "urgent.ask.closed": "No longer needed.",
    "urgent.subject": "Urgent call: {people}",
    "urgent.cancel.comment": "The urgent call was cancelled.",
    "urgent.cancel_refused.title": "Teams meeting not cancelled",
    "urgent.cancel_refused.text": "The Teams meeting ({slot}) could not be cancelled: Microsoft"
    " 365 did not accept the cancellation (for example, no permission on your calendar). It is"
    " still in everyone's calendar – please cancel it yourself in Outlook.",
    "urgent.error.cancel_refused": "The Teams meeting could not be cancelled: Microsoft 365 did"
    " not accept the cancellation (for example, no permission on your calendar). It is still in"
    " everyone's calendar – please cancel it in Outlook. Nothing was changed here.",
    "urgent.pick": "Whom do you mean by “{name}”?",
    "urgent.form.title": "Urgent call",
    "urgent.form.names": "With whom? (names, separated by commas)",
    "urgent.form.required": "Please name at least one person.",
    "urgent.form.minutes": "How long?",
    "urgent.form.deadline": "By when?",
    "urgent.form.send": "Find a time",
    "urgent.deadline.today": "still today",
    "urgent.deadline.tomorrow_noon": "by tomorrow 12:00",
    "urgent.deadline.tomorrow": "by tomorrow",
    "urgent.note.invited": "Invited.",
    "urgent.note.answered": "Thank you for your answer.",
    "urgent.note.cancelled": "Cancelled.",
    "urgent.personal_only": "I arrange urgent calls only in our personal chat – executives'"
    " calendars do not belong in a channel or group chat. Write to me there, for example"
    " “urgent call”.",
    "urgent.error.no_names": "With whom? For example: “I need 30 minutes with Dr. Albrecht and"
    " Mr. Meyer today”.",
    "urgent.error.no_duration": "How long should it take? For example “30 minutes” or “1 hour”.",
    "urgent.error.duplicate": "You named the same person twice. Nothing was sent.",
    "urgent.error.bad_time": "I do not understand this time. Nothing was sent.",
    "urgent.error.too_long": "No working day is that long: at most {hours} hours. Nothing was"
    " sent.",
    "urgent.error.too_short": "A call takes at least 5 minutes.",
    "urgent.error.past": "This time is in the past (or after working hours). Nothing was sent.",
    "urgent.error.past_day": "That day is in the past. I look for urgent calls today, tomorrow or"
    " the day after tomorrow. Nothing was sent.",
    "urgent.error.other_day": "I look for urgent calls today, tomorrow or the day after"
    " tomorrow – not on a weekday, a date or next week. Nothing was sent.",
    "urgent.error.closed_day": "That day is not a working day (weekend or public holiday)."
    " Nothing was sent.",
    "urgent.error.unknown": "I cannot find “{name}” in the directory. Nothing was sent.",
    "urgent.error.no_calendar": "I cannot read {name}'s calendar. Nothing was sent.",
    "urgent.error.too_many": "At most 20 people per call.",
    "urgent.error.no_slot": "There is no common free slot and I find no assistant who could"
    " free time. Nothing was sent.",
    "urgent.error.no_user": "I cannot identify you (no Entra account in this message). Nothing"
    " was changed.",
    "urgent.error.forged": "This card does not belong to this request. Nothing was changed.",
    "urgent.error.stale": "This card is out of date. Nothing was changed.",
    "urgent.error.unknown_call": "This request does not exist (any more). Nothing was changed.",
    "urgent.error.not_asked": "This request was not sent to you. Nothing was changed.",
    "urgent.error.not_asker": "Only the person who asked for the call can do this. Nothing was"
    " changed.",
    "urgent.error.decided": "This request has already been decided. Nothing was changed.",
    "urgent.error.answered": "You have already answered. Nothing was changed.",
    "urgent.error.not_offered": "This time is not (or no longer) on offer. Nothing was booked.",
    "urgent.error.resubmitted": "This request is already under way (sent twice). Nothing new"
    " was asked.",
    "urgent.error.busy": "A lot is changing on this request right now. Please try again.",
}
